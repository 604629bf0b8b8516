import Foundation
import Objectives
import Trajectories

/// What a search minimises (`--tune-objective`), computed from one run: the points x_0 (the
/// start) ... x_n (after the last step) and the losses f(x_0) ... f(x_n).
///
/// Every objective is `nil` (a failed evaluation) when the run diverged, when a value it needs
/// is not finite, or when there are no points.
public enum SearchObjective: Sendable, Hashable, Codable, CustomStringConvertible {
    /// jettify/pytorch-optimizer's objective, the default: the squared distance from the last
    /// point to the nearest global minimum, min_m |x_n - m|², after 100 steps with gradient
    /// clipping 1.0 (`examples/viz_optimizers.py`). Needs known minima.
    case jettify
    /// kozistr/pytorch_optimizer's penalised score (`examples/visualize_optimizers.py`, 200
    /// steps, gradient clipping 1.0):
    ///
    ///     min_m |x_n - m|²                                           distance
    ///     + 100 · Σ_sides max_k violation_k                          boundary
    ///     + 0.4 · mean_{k<n} f(x_k)                                  mean loss
    ///     + 0.1 · mean_{k<n, i} |x_{k+1,i} - x_{k,i}|                step size
    ///     + 0.2 · (mean_{k<n} f(x_k) - min_{k<n} f(x_k))             loss gap
    ///
    /// where a side's violation is how far a point lies beyond it (lower_i - x_i or x_i - upper_i,
    /// at least 0), taken at its worst point, over the plotting domain; the losses are those the
    /// steps saw, f(x_0) ... f(x_{n-1}). Needs known minima and a domain.
    case kozistr
    /// f at the last point, f(x_n). Needs nothing but the losses.
    case finalLoss
    /// The mean loss over the run, (1/(n+1)) Σ_{k=0...n} f(x_k): the area under the loss curve,
    /// which rewards getting low early as well as ending low.
    case meanLoss
    /// The steps to reach f(x_k) - f* ≤ τ: the first such k; a run that never gets there scores
    /// n + log10((f(x_n) - f*)/τ) (more than n, and lower the closer it ended). Needs the
    /// minimum value f*.
    case stepsTo(tolerance: Double)

    /// The names `--tune-objective` takes; `steps-to` may carry its tolerance, `steps-to=1e-3`.
    public static let names = ["jettify", "kozistr", "final-loss", "mean-loss", "steps-to"]

    /// Every objective, `steps-to` at `TrajectoryMetrics.defaultTolerance`.
    public static let allCases: [SearchObjective] = [
        .jettify, .kozistr, .finalLoss, .meanLoss, .stepsTo(tolerance: TrajectoryMetrics.defaultTolerance),
    ]

    /// Parses a name of `names` (`steps-to` with `=τ`, τ > 0, or the default 1e-3).
    public init(parsing text: String) throws(TuningError) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        switch parts.first ?? "" {
        case "jettify" where parts.count == 1: self = .jettify
        case "kozistr" where parts.count == 1: self = .kozistr
        case "final-loss" where parts.count == 1: self = .finalLoss
        case "mean-loss" where parts.count == 1: self = .meanLoss
        case "steps-to":
            guard parts.count == 1 || (Double(parts[1]).map { $0 > 0 && $0.isFinite } ?? false) else {
                throw TuningError("steps-to takes a tolerance > 0, e.g. steps-to=1e-3 (got '\(text)')")
            }
            self = .stepsTo(tolerance: parts.count == 1 ? TrajectoryMetrics.defaultTolerance : Double(parts[1])!)
        default:
            throw TuningError("unknown tuning objective '\(text)': use one of \(Self.names.joined(separator: ", ")) (steps-to=TOLERANCE)")
        }
    }

    /// The name, with `steps-to`'s tolerance: `kozistr`, `steps-to=0.001`.
    public var description: String {
        switch self {
        case .jettify: "jettify"
        case .kozistr: "kozistr"
        case .finalLoss: "final-loss"
        case .meanLoss: "mean-loss"
        case .stepsTo(let tolerance): "steps-to=\(tolerance)"
        }
    }

    /// The steps each evaluation runs, as its author ran them: 200 for kozistr, else jettify's 100.
    public var defaultSteps: Int {
        self == .kozistr ? 200 : 100
    }

    /// Whether only the last point and loss are needed (the runner's summary suffices).
    public var needsOnlyTheEnd: Bool {
        self == .jettify || self == .finalLoss
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// kozistr's weights.
    public static let boundaryWeight = 100.0
    public static let meanLossWeight = 0.4
    public static let stepSizeWeight = 0.1
    public static let lossGapWeight = 0.2

    /// Throws when this objective cannot be computed for a function with these minima, domain
    /// and minimum value, with a message naming the function and the fix.
    public func check(function: String, minima: [[Double]], domain: SearchDomain?, minimumValue: Double? = nil) throws(TuningError) {
        switch self {
        case .finalLoss, .meanLoss:
            return
        case .stepsTo:
            if minimumValue == nil {
                throw TuningError("function '\(function)' has no known minimum value, so the '\(self)' objective cannot be computed: use 'final-loss' or 'mean-loss', or add its minima to its definition file")
            }
        case .jettify, .kozistr:
            if minima.isEmpty {
                throw TuningError("function '\(function)' has no known global minimum, so the '\(self)' objective cannot be computed: use the 'final-loss' objective, or add minima to its definition file")
            }
            if self == .kozistr, domain == nil {
                throw TuningError("function '\(function)' has no domain, so the 'kozistr' objective cannot be computed: give a domain, or use the 'jettify' objective")
            }
        }
    }

    /// The objective of one run, or `nil` when the run failed or the objective cannot be computed.
    ///
    /// - Parameters:
    ///   - points: the start, then the point after each step (all of one dimension).
    ///   - losses: f at each point (`nil` where not finite), as many as `points`.
    ///   - diverged: whether the run diverged (its points stop before the divergence).
    ///   - minima: the function's known global minima.
    ///   - domain: the plotting domain, for the boundary penalty.
    ///   - minimumValue: f*, for `stepsTo`.
    public func value<Points: BidirectionalCollection<[Double]>>(
        points: Points, losses: [Double?], diverged: Bool, minima: [[Double]], domain: SearchDomain?, minimumValue: Double? = nil
    ) -> Double? {
        guard !diverged, let last = points.last, last.allSatisfy(\.isFinite) else { return nil }
        let result: Double?
        switch self {
        case .jettify:
            result = squaredDistanceToNearest(last, of: minima)
        case .finalLoss:
            result = losses.last ?? nil
        case .meanLoss:
            let finite = losses.compactMap { $0 }
            result = finite.count == losses.count && !finite.isEmpty ? finite.reduce(0, +) / Double(finite.count) : nil
        case .stepsTo(let tolerance):
            result = stepsTo(tolerance, losses: losses, minimumValue: minimumValue)
        case .kozistr:
            result = penalisedValue(points: points, last: last, losses: losses, minima: minima, domain: domain)
        }
        guard let result, result.isFinite else { return nil }
        return result
    }

    private func stepsTo(_ tolerance: Double, losses: [Double?], minimumValue: Double?) -> Double? {
        guard let target = minimumValue, let final = losses.last ?? nil else { return nil }
        if let reached = losses.firstIndex(where: { $0.map { $0 - target <= tolerance } ?? false }) { return Double(reached) }
        return Double(losses.count - 1) + log10((final - target) / tolerance)
    }

    private func penalisedValue<Points: BidirectionalCollection<[Double]>>(
        points: Points, last: [Double], losses: [Double?], minima: [[Double]], domain: SearchDomain?
    ) -> Double? {
        guard let distance = squaredDistanceToNearest(last, of: minima), let domain else { return nil }
        var boundary = 0.0
        for axis in domain.lower.indices {
            var below = 0.0
            var above = 0.0
            for point in points where axis < point.count {
                below = max(below, domain.lower[axis] - point[axis])
                above = max(above, point[axis] - domain.upper[axis])
            }
            boundary += below + above
        }
        let stepLosses = losses.dropLast()
        var lossSum = 0.0
        var lossMinimum = Double.infinity
        for loss in stepLosses {
            guard let loss else { return nil }
            lossSum += loss
            lossMinimum = min(lossMinimum, loss)
        }
        let averageLoss = stepLosses.isEmpty ? 0 : lossSum / Double(stepLosses.count)
        let convergence = stepLosses.isEmpty ? 0 : averageLoss - lossMinimum
        var movement = 0.0
        var moves = 0
        for (from, to) in zip(points, points.dropFirst()) {
            for (a, b) in zip(from, to) {
                movement += abs(b - a)
                moves += 1
            }
        }
        let oscillation = moves == 0 ? 0 : movement / Double(moves)
        return distance
            + Self.boundaryWeight * boundary
            + Self.meanLossWeight * averageLoss
            + Self.stepSizeWeight * oscillation
            + Self.lossGapWeight * convergence
    }
}

/// A box, lower_i ≤ x_i ≤ upper_i: the plotting domain kozistr's objective keeps paths in.
public struct SearchDomain: Codable, Sendable, Hashable {
    public let lower: [Double]
    public let upper: [Double]

    /// Throws unless both corners have the same, non-zero number of finite coordinates and
    /// lower_i < upper_i on every axis.
    public init(lower: [Double], upper: [Double]) throws(TuningError) {
        guard !lower.isEmpty, lower.count == upper.count else {
            throw TuningError("search domain corners \(lower) and \(upper) must have the same, non-zero number of coordinates")
        }
        for (a, b) in zip(lower, upper) where !(a.isFinite && b.isFinite && a < b) {
            throw TuningError("search domain \(lower)..\(upper) is empty or not finite on an axis: every lower coordinate must be finite and below the upper one")
        }
        self.lower = lower
        self.upper = upper
    }

    /// The 2-D domain x in `x`, y in `y`.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) throws(TuningError) {
        try self.init(lower: [x.lowerBound, y.lowerBound], upper: [x.upperBound, y.upperBound])
    }

    /// A function definition's plotting domain.
    public init(_ domain: Domain) throws(TuningError) {
        try self.init(x: domain.x, y: domain.y)
    }
}

extension SearchObjective {
    /// The objective of a runner's trajectory; `nil` when it diverged or a value is not finite.
    public func value(of trajectory: Trajectory, minima: [[Double]], domain: SearchDomain?, minimumValue: Double? = nil) -> Double? {
        value(
            points: trajectory.points.rows, losses: trajectory.losses,
            diverged: trajectory.divergedAtStep != nil, minima: minima, domain: domain, minimumValue: minimumValue)
    }
}
