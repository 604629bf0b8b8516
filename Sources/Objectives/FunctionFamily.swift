/// The n-dimensional families, chosen by name with a dimension given separately
/// (`--function rosenbrock-n --dim 10`).
public enum FunctionFamily: String, Sendable, CaseIterable {
    /// `RosenbrockN`: minimum (1, …, 1); start (−2, 2, −2, 2, …) as the 2-D catalog's.
    case rosenbrock = "rosenbrock-n"
    /// `RastriginN`: minimum at the origin; start (−2, 3.5, −2, 3.5, …) as the 2-D catalog's.
    case rastrigin = "rastrigin-n"
    /// `QuadraticN`: minimum at the origin; start (1, …, 1), so that every eigendirection
    /// starts with the same displacement.
    case quadratic = "quadratic-n"

    /// The dimension used when none is given.
    public static let defaultDimension = 10
    /// The largest dimension accepted (a run records every point, `dimension` numbers a step).
    public static let maximumDimension = 10_000

    /// The smallest dimension the family is defined for.
    public var minimumDimension: Int { self == .rosenbrock ? 2 : 1 }

    /// The definition of the family in `dimension` variables; `conditionNumber` is κ for
    /// `quadratic-n` (default 100) and must be nil for the others.
    public func definition(dimension: Int, conditionNumber: Double? = nil) throws(ObjectiveError) -> FunctionDefinition {
        guard dimension >= minimumDimension, dimension <= Self.maximumDimension else {
            throw ObjectiveError(
                "\(rawValue) needs a dimension from \(minimumDimension) to \(Self.maximumDimension), not \(dimension)")
        }
        if let conditionNumber {
            guard self == .quadratic else {
                throw ObjectiveError("a condition number applies to quadratic-n only, not \(rawValue)")
            }
            guard conditionNumber.isFinite, conditionNumber >= 1 else {
                throw ObjectiveError("the condition number of quadratic-n must be a finite number ≥ 1, not \(conditionNumber)")
            }
        }
        let alternating = { (a: Double, b: Double) in (0..<dimension).map { $0.isMultiple(of: 2) ? a : b } }
        switch self {
        case .rosenbrock:
            return FunctionDefinition(
                name: rawValue, title: "Rosenbrock (n = \(dimension))",
                expression: "Σ_{i<n} 100·(x_{i+1} − x_i²)² + (1 − x_i)²", domain: nil,
                minima: [Array(repeating: 1, count: dimension)], start: alternating(-2, 2),
                levelScale: .log, origin: .family, objective: RosenbrockN(dimension: dimension))
        case .rastrigin:
            return FunctionDefinition(
                name: rawValue, title: "Rastrigin (n = \(dimension))",
                expression: "10·n + Σ (x_i² − 10·cos(2π·x_i))", domain: nil,
                minima: [Array(repeating: 0, count: dimension)], start: alternating(-2, 3.5),
                levelScale: .linear, origin: .family, objective: RastriginN(dimension: dimension))
        case .quadratic:
            let objective = QuadraticN(dimension: dimension, conditionNumber: conditionNumber ?? QuadraticN.defaultConditionNumber)
            return FunctionDefinition(
                name: rawValue, title: "Quadratic (n = \(dimension), κ = \(objective.conditionNumber.formatted()))",
                expression: "½ Σ λ_i·x_i², λ log-spaced from 1 to κ", domain: nil,
                minima: [Array(repeating: 0, count: dimension)], start: Array(repeating: 1, count: dimension),
                levelScale: .log, origin: .family, objective: objective)
        }
    }
}

extension Double {
    /// The shortest form that reads back as this number, without a trailing `.0`.
    fileprivate func formatted() -> String {
        rounded() == self && Swift.abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
