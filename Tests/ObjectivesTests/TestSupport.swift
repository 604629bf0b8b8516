import Foundation
import _Random
@testable import Objectives

/// A small seeded generator, so that "random" test points are the same every run.
typealias SeededGenerator = SplitMix64

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
