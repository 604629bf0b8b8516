// swift-tools-version: 6.1
// Instructions per optimizer step under callgrind (see instructions-per-step.sh), kept out of the
// main build like Benchmarks/.
import PackageDescription

let package = Package(
    name: "StepCount",
    dependencies: [.package(name: "TrajViz", path: "../..")],
    targets: [
        .executableTarget(
            name: "StepCount",
            dependencies: [
                .product(name: "Trajectories", package: "TrajViz"), .product(name: "Objectives", package: "TrajViz"),
                .product(name: "Optimizers", package: "TrajViz"), .product(name: "Schedules", package: "TrajViz"),
            ])
    ]
)
