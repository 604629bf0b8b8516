import Foundation
@testable import Objectives

/// SplitMix64: a small seeded generator, so that "random" test points are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// ∂f/∂x_i by the 6th-order central difference
/// (−f₋₃ + 9f₋₂ − 45f₋₁ + 45f₊₁ − 9f₊₂ + f₊₃) / 60h, with h = 1e-3·max(1, |x_i|).
func finiteDifferenceGradient(_ f: any Objective, at point: [Double]) -> [Double] {
    (0..<point.count).map { i in
        let h = 1e-3 * max(1, abs(point[i]))
        func at(_ k: Double) -> Double {
            var p = point
            p[i] += k * h
            return f.value(at: p)
        }
        return (-at(-3) + 9 * at(-2) - 45 * at(-1) + 45 * at(1) - 9 * at(2) + at(3)) / (60 * h)
    }
}

/// The error an expression throws, or nil.
func parseError(_ text: String) -> ObjectiveError? {
    do {
        _ = try ExpressionSyntax.parse(text)
        return nil
    } catch {
        return error
    }
}

/// The folder of the package's Functions/, found from this file's path.
let functionsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Functions")

/// A fresh temporary folder, removed by the caller.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ObjectivesTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
