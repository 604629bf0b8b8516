import Foundation

/// The Rastrigin function of n ≥ 1 variables with A = 10,
/// f(x) = 10 n + Σ (x_i² − 10 cos(2π x_i)), minimum 0 at the origin;
/// ∂f/∂x_i = 2 x_i + 20π sin(2π x_i). For n = 2 it rounds exactly as the catalog's
/// `rastrigin` (`20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))`).
public struct RastriginN: Objective {
    public let dimension: Int

    /// Requires n ≥ 1.
    public init(dimension: Int) {
        precondition(dimension >= 1, "rastrigin-n needs at least 1 variable")
        self.dimension = dimension
    }

    public func value(at x: [Double]) -> Double {
        var sum = 10 * Double(dimension)
        for i in 0..<dimension {
            sum += x[i] * x[i] - 10 * Foundation.cos(2 * Double.pi * x[i])
        }
        return sum
    }

    public func valueAndGradient(at x: [Double], into gradient: inout [Double]) -> Double {
        var sum = 10 * Double(dimension)
        for i in 0..<dimension {
            let angle = 2 * Double.pi * x[i]
            sum += x[i] * x[i] - 10 * Foundation.cos(angle)
            gradient[i] = 2 * x[i] + 10 * Foundation.sin(angle) * (2 * Double.pi)
        }
        return sum
    }
}
