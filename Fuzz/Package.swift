// swift-tools-version: 6.1
// libFuzzer harnesses for the expression parser, the function-file loader and deep nesting in both, kept out of the
// main build. Run them with `Fuzz/run.sh` (see there).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so find the folder this one sits in.
let trajviz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

/// The harnesses call libFuzzer's driver from their own `main`, so they link the libFuzzer
/// archive without its `main()`; `run.sh` finds it in the toolchain and passes its path in
/// `FUZZER_NO_MAIN`. Coverage and AddressSanitizer instrumentation come from `run.sh`'s flags.
let libFuzzer: [LinkerSetting] = Context.environment["FUZZER_NO_MAIN"].map { [.unsafeFlags([$0, "-lstdc++"])] } ?? []

let package = Package(
    name: "TrajVizFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        // libFuzzer's driver and the shape every error must have, shared by the harnesses.
        .target(name: "FuzzSupport", dependencies: [.product(name: "Objectives", package: trajviz)]),
        .executableTarget(
            name: "FuzzExpression",
            dependencies: ["FuzzSupport", .product(name: "Objectives", package: trajviz)],
            linkerSettings: libFuzzer
        ),
        .executableTarget(
            name: "FuzzFunctionFile",
            dependencies: ["FuzzSupport", .product(name: "Objectives", package: trajviz)],
            linkerSettings: libFuzzer
        ),
        .executableTarget(
            name: "FuzzDeepNesting",
            dependencies: ["FuzzSupport", .product(name: "Objectives", package: trajviz)],
            linkerSettings: libFuzzer
        ),
    ],
    swiftLanguageModes: [.v6]
)
