// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TrajViz",
    products: [
        .executable(name: "trajviz", targets: ["trajviz"]),
        .library(name: "Objectives", targets: ["Objectives"]),
        .library(name: "Optimizers", targets: ["Optimizers"]),
        .library(name: "Trajectories", targets: ["Trajectories"]),
        .library(name: "Schedules", targets: ["Schedules"]),
        .library(name: "Tuning", targets: ["Tuning"]),
        .library(name: "Diagnostics", targets: ["Diagnostics"]),
        .library(name: "Plotting", targets: ["Plotting"]),
        .library(name: "Scenes", targets: ["Scenes"]),
        .library(name: "GDRenderer", targets: ["GDRenderer"]),
        .library(name: "ImageDiff", targets: ["ImageDiff"]),
        .library(name: "TrajVizSnapshotTesting", targets: ["TrajVizSnapshotTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        .systemLibrary(
            name: "CGD",
            pkgConfig: "gdlib",
            providers: [.apt(["libgd-dev", "libpng-dev"])]
        ),
        // libpng's simplified API: full 8-bit alpha (libgd keeps 7 bits) and errors reported, not longjmp'd.
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .target(name: "_AtomicWrite"),
        // SplitMix64 and portable normal numbers: the same bits on every machine, for searches and gradient noise.
        .target(name: "_Random"),
        .target(
            name: "Objectives",
            dependencies: [.product(name: "TOMLKit", package: "TOMLKit")],
            plugins: ["EmbedFunctionFiles"]
        ),
        .plugin(name: "EmbedFunctionFiles", capability: .buildTool(), dependencies: ["EmbedFunctionFilesTool"]),
        .executableTarget(name: "EmbedFunctionFilesTool", path: "Plugins/EmbedFunctionFilesTool"),
        .target(name: "Optimizers"),
        .target(name: "Schedules"),
        .target(name: "Trajectories", dependencies: ["Objectives", "Optimizers", "Schedules", "_AtomicWrite", "_Random"]),
        .target(name: "Tuning", dependencies: ["Trajectories", "_AtomicWrite", "_Random"]),
        .target(name: "Diagnostics", dependencies: ["Trajectories", "Plotting"]),
        .target(name: "Plotting"),
        .target(
            name: "Scenes",
            dependencies: [
                "Objectives", "Optimizers", "Trajectories", "Tuning", "Diagnostics", "Plotting", "GDRenderer", "ImageDiff",
                "_AtomicWrite",
            ]
        ),
        // PNG writing through libpng with chosen filter and zlib settings; libpng's longjmp errors stay in C.
        .target(name: "CPNGWriter", dependencies: ["CPNG"]),
        .target(name: "GDRenderer", dependencies: ["CGD", "CPNGWriter", "Plotting", "_AtomicWrite"]),
        .target(name: "ImageDiff", dependencies: ["CGD", "CPNG", "_AtomicWrite"]),
        // swift-snapshot-testing strategies that compare PNGs by pixels (pixelmatch, RMS), on Linux too.
        .target(
            name: "TrajVizSnapshotTesting",
            dependencies: [
                "ImageDiff", "GDRenderer", "Plotting", .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ]
        ),
        .target(
            name: "TrajVizCLI",
            dependencies: [
                "Objectives", "Optimizers", "Trajectories", "Tuning", "Diagnostics", "Plotting", "GDRenderer", "ImageDiff", "Scenes",
                "_AtomicWrite", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "trajviz", dependencies: ["TrajVizCLI"]),
        .testTarget(name: "_AtomicWriteTests", dependencies: ["_AtomicWrite"]),
        .testTarget(name: "_RandomTests", dependencies: ["_Random"]),
        .testTarget(name: "ObjectivesTests", dependencies: ["Objectives", "_Random"]),
        .testTarget(name: "OptimizersTests", dependencies: ["Optimizers"]),
        .testTarget(name: "SchedulesTests", dependencies: ["Schedules"]),
        .testTarget(name: "TrajectoriesTests", dependencies: ["Trajectories", "Schedules", "_Random"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TuningTests", dependencies: ["Tuning", "_Random"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "ScenesTests", dependencies: ["Scenes", "TrajVizSnapshotTesting"], exclude: ["Golden"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "_Random"]),
        .testTarget(name: "GDRendererTests", dependencies: ["GDRenderer", "TrajVizSnapshotTesting"], exclude: ["Golden"]),
        .testTarget(name: "TrajVizSnapshotTestingTests", dependencies: ["TrajVizSnapshotTesting"]),
        .testTarget(name: "ImageDiffTests", dependencies: ["ImageDiff", "GDRenderer"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TrajVizCLITests", dependencies: ["TrajVizCLI"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RobustnessTests", dependencies: ["trajviz", "ImageDiff"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
