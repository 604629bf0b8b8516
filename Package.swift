// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TrajViz",
    products: [
        .executable(name: "trajviz", targets: ["trajviz"]),
        .library(name: "Objectives", targets: ["Objectives"]),
        .library(name: "Optimizers", targets: ["Optimizers"]),
        .library(name: "Trajectories", targets: ["Trajectories"]),
        .library(name: "Tuning", targets: ["Tuning"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "GDRenderer", targets: ["GDRenderer"]),
        .library(name: "ImageDiff", targets: ["ImageDiff"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev", "libpng-dev"])]
        ),
        .target(name: "_AtomicWrite"),
        .target(
            name: "Objectives",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            plugins: ["EmbedFunctionFiles"]
        ),
        .plugin(name: "EmbedFunctionFiles", capability: .buildTool(), dependencies: ["EmbedFunctionFilesTool"]),
        .executableTarget(name: "EmbedFunctionFilesTool", path: "Plugins/EmbedFunctionFilesTool"),
        .target(name: "Optimizers"),
        .target(name: "Trajectories", dependencies: ["Objectives", "Optimizers"]),
        .target(name: "Tuning", dependencies: ["Trajectories", "_AtomicWrite"]),
        .target(name: "Plotting"),
        .target(name: "GDRenderer", dependencies: ["CGD", "Plotting", "_AtomicWrite"]),
        .target(name: "ImageDiff", dependencies: ["CGD", "_AtomicWrite"]),
        .target(
            name: "TrajVizCLI",
            dependencies: [
                "Objectives", "Optimizers", "Trajectories", "Tuning", "Plotting", "GDRenderer", "ImageDiff", "_AtomicWrite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "trajviz", dependencies: ["TrajVizCLI"]),
        .testTarget(name: "_AtomicWriteTests", dependencies: ["_AtomicWrite"]),
        .testTarget(name: "ObjectivesTests", dependencies: ["Objectives"]),
        .testTarget(name: "OptimizersTests", dependencies: ["Optimizers"]),
        .testTarget(name: "TrajectoriesTests", dependencies: ["Trajectories"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TuningTests", dependencies: ["Tuning"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "GDRendererTests", dependencies: ["GDRenderer"]),
        .testTarget(name: "ImageDiffTests", dependencies: ["ImageDiff", "GDRenderer"]),
        .testTarget(name: "TrajVizCLITests", dependencies: ["TrajVizCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
