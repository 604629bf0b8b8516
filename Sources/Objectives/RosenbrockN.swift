/// The extended Rosenbrock function of n ≥ 2 variables,
/// f(x) = Σ_{i=1}^{n-1} 100 (x_{i+1} − x_i²)² + (1 − x_i)²,
/// with minimum 0 at (1, …, 1). For n = 2 it is the catalog's `rosenbrock`.
///
/// ∂f/∂x_i = −400 x_i (x_{i+1} − x_i²) − 2 (1 − x_i)   [i < n]
///         + 200 (x_i − x_{i−1}²)                    [i > 1]
public struct RosenbrockN: Objective {
    public let dimension: Int

    /// Requires n ≥ 2.
    public init(dimension: Int) {
        precondition(dimension >= 2, "rosenbrock-n needs at least 2 variables")
        self.dimension = dimension
    }

    public func value(at x: [Double]) -> Double {
        var sum = 0.0
        for i in 0..<dimension - 1 {
            let a = 1 - x[i]
            let b = x[i + 1] - x[i] * x[i]
            sum += a * a + 100 * (b * b)
        }
        return sum
    }

    public func valueAndGradient(at x: [Double], into gradient: inout [Double]) -> Double {
        var sum = 0.0
        for i in 0..<dimension { gradient[i] = 0 }
        for i in 0..<dimension - 1 {
            let a = 1 - x[i]
            let b = x[i + 1] - x[i] * x[i]
            sum += a * a + 100 * (b * b)
            gradient[i] += -2 * a - 400 * x[i] * b
            gradient[i + 1] += 200 * b
        }
        return sum
    }
}
