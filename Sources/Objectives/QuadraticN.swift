import Foundation

/// A convex quadratic of n ≥ 1 variables with condition number κ ≥ 1,
/// f(x) = ½ Σ λ_i x_i², with Hessian eigenvalues log-spaced from 1 to κ:
/// λ_i = κ^{(i−1)/(n−1)} (λ = 1 when n = 1). Minimum 0 at the origin; ∂f/∂x_i = λ_i x_i.
public struct QuadraticN: Objective {
    public let dimension: Int
    /// κ = λ_max / λ_min.
    public let conditionNumber: Double
    /// λ_1 … λ_n, ascending.
    public let eigenvalues: [Double]

    /// The default condition number, 100.
    public static let defaultConditionNumber = 100.0

    /// Requires n ≥ 1 and a finite κ ≥ 1.
    public init(dimension: Int, conditionNumber: Double = QuadraticN.defaultConditionNumber) {
        precondition(dimension >= 1, "quadratic-n needs at least 1 variable")
        precondition(conditionNumber >= 1 && conditionNumber.isFinite, "the condition number must be finite and at least 1")
        self.dimension = dimension
        self.conditionNumber = conditionNumber
        self.eigenvalues = (0..<dimension).map { i in
            dimension == 1 ? 1 : i == dimension - 1 ? conditionNumber : Foundation.pow(conditionNumber, Double(i) / Double(dimension - 1))
        }
    }

    public func value(at x: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<dimension { sum += eigenvalues[i] * (x[i] * x[i]) }
        return 0.5 * sum
    }

    public func valueAndGradient(at x: [Double], into gradient: inout [Double]) -> Double {
        var sum = 0.0
        for i in 0..<dimension {
            sum += eigenvalues[i] * (x[i] * x[i])
            gradient[i] = eigenvalues[i] * x[i]
        }
        return 0.5 * sum
    }
}
