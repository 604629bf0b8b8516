// swift-tools-version: 6.1
// The benchmark harness, kept out of the main package so that `swift test` does not build it.
// Run from this folder: `swift package --allow-writing-to-package-directory benchmark`.
import PackageDescription

let benchmark = Target.Dependency.product(name: "Benchmark", package: "package-benchmark")
let benchmarkPlugin = Target.PluginUsage.plugin(name: "BenchmarkPlugin", package: "package-benchmark")

let package = Package(
    name: "TrajVizBenchmarks",
    dependencies: [
        .package(name: "TrajViz", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ImageCompare",
            dependencies: [benchmark, .product(name: "ImageDiff", package: "TrajViz")],
            path: "Benchmarks/ImageCompare",
            resources: [.copy("Resources")],
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Stepping",
            dependencies: [
                benchmark, .product(name: "Objectives", package: "TrajViz"), .product(name: "Optimizers", package: "TrajViz"),
                .product(name: "Trajectories", package: "TrajViz"),
            ],
            path: "Stepping",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "Rendering",
            dependencies: [benchmark, .product(name: "Plotting", package: "TrajViz"), .product(name: "GDRenderer", package: "TrajViz")],
            path: "Rendering",
            plugins: [benchmarkPlugin]
        ),
        .executableTarget(
            name: "ObjectivesBenchmarks",
            dependencies: [benchmark, .product(name: "Objectives", package: "TrajViz")],
            path: "Benchmarks/ObjectivesBenchmarks",
            plugins: [benchmarkPlugin]
        ),
    ]
)
