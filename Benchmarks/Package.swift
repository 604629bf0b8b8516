// swift-tools-version: 6.1
// The benchmark harness, kept out of the main package so that `swift test` does not build it.
// Run from this folder: `swift package --allow-writing-to-package-directory benchmark`.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder (`main`, `objectives`, ...), not after its
/// manifest's `name`, so `package: "TrajViz"` only resolves in a folder called TrajViz.
let trajviz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let benchmark = Target.Dependency.product(name: "Benchmark", package: "package-benchmark")
let benchmarkPlugin = Target.PluginUsage.plugin(name: "BenchmarkPlugin", package: "package-benchmark")

let package = Package(
    name: "TrajVizBenchmarks",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ObjectivesBenchmarks",
            dependencies: [benchmark, .product(name: "Objectives", package: trajviz)],
            path: "Benchmarks/ObjectivesBenchmarks",
            plugins: [benchmarkPlugin]
        ),
    ]
)
