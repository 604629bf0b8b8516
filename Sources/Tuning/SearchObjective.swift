import Objectives
import Trajectories

/// What a learning-rate search minimises, computed from one run: the points (the start, then the
/// point after each step) and the losses f at those points.
///
/// Every objective is `nil` (a failed evaluation) when the run diverged, when a value it needs
/// is not finite, or when there are no points.
public enum SearchObjective: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// jettify/pytorch-optimizer's objective, the default: the squared distance from the last
    /// point (after `steps` steps; jettify runs 100 with gradient clipping 1.0) to the nearest
    /// global minimum, min_m |x_n - m|². Needs known minima.
    case distance
    /// f at the last point, f(x_n). Needs nothing but the losses.
    case finalLoss = "final-loss"
    /// kozistr/pytorch_optimizer's penalised objective (`examples/visualize_optimizers.py`):
    ///
    ///     min_m |x_n - m|²                                           distance
    ///     + 100 · Σ_sides max_k violation_k                          boundary
    ///     + 0.4 · mean_{k<n} f(x_k)                                  average loss
    ///     + 0.1 · mean_{k<n, i} |x_{k+1,i} - x_{k,i}|                oscillation
    ///     + 0.2 · (mean_{k<n} f(x_k) - min_{k<n} f(x_k))             convergence
    ///
    /// where a side's violation is how far a point lies beyond it (lower_i - x_i or x_i - upper_i,
    /// at least 0), taken at its worst point, over the plotting domain; the losses are those the
    /// steps saw, f(x_0) ... f(x_{n-1}). Needs known minima and a domain.
    case penalised

    public var description: String { rawValue }

    /// kozistr's weights for the penalised objective.
    public static let boundaryWeight = 100.0
    public static let averageLossWeight = 0.4
    public static let oscillationWeight = 0.1
    public static let convergenceWeight = 0.2

    /// Throws when this objective cannot be computed for a function with these minima and domain,
    /// with a message naming the function and the fix.
    public func check(function: String, minima: [[Double]], domain: SearchDomain?) throws(TuningError) {
        switch self {
        case .finalLoss:
            return
        case .distance, .penalised:
            if minima.isEmpty {
                throw TuningError("function '\(function)' has no known global minimum, so the '\(rawValue)' search objective cannot be computed: use the 'final-loss' objective, or add minima to its definition file")
            }
            if self == .penalised, domain == nil {
                throw TuningError("function '\(function)' has no domain, so the 'penalised' search objective cannot be computed: give a domain, or use the 'distance' objective")
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
    public func value<Points: BidirectionalCollection<[Double]>>(
        points: Points, losses: [Double?], diverged: Bool, minima: [[Double]], domain: SearchDomain?
    ) -> Double? {
        guard !diverged, let last = points.last, last.allSatisfy(\.isFinite) else { return nil }
        let result: Double?
        switch self {
        case .distance:
            result = squaredDistanceToNearest(last, of: minima)
        case .finalLoss:
            result = losses.last ?? nil
        case .penalised:
            result = penalisedValue(points: points, last: last, losses: losses, minima: minima, domain: domain)
        }
        guard let result, result.isFinite else { return nil }
        return result
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
            + Self.averageLossWeight * averageLoss
            + Self.oscillationWeight * oscillation
            + Self.convergenceWeight * convergence
    }
}

/// A box, lower_i ≤ x_i ≤ upper_i: the plotting domain the penalised objective keeps paths in.
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
    public func value(of trajectory: Trajectory, minima: [[Double]], domain: SearchDomain?) -> Double? {
        value(
            points: trajectory.points.rows, losses: trajectory.losses,
            diverged: trajectory.divergedAtStep != nil, minima: minima, domain: domain)
    }
}
