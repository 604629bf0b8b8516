// swift-tools-version: 6.1
// A user's package that depends on TrajViz by path and snapshot-tests PNG images on Linux with
// swift-snapshot-testing and TrajVizSnapshotTesting's `.pixelmatch` strategy. scripts/test.sh
// runs it: `swift test --package-path Examples/SnapshotTestingExample`.
import PackageDescription

let package = Package(
    name: "SnapshotTestingExample",
    dependencies: [
        .package(name: "TrajViz", path: "../.."),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
    ],
    targets: [
        .testTarget(
            name: "SnapshotTestingExampleTests",
            dependencies: [
                .product(name: "TrajVizSnapshotTesting", package: "TrajViz"), .product(name: "ImageDiff", package: "TrajViz"),
                .product(name: "GDRenderer", package: "TrajViz"), .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        )
    ],
    swiftLanguageModes: [.v6]
)
