import Trajectories

/// How one run went, for the gallery's metrics table: pure functions of the points, the losses,
/// and the function's known minima and minimum value.
public struct TrajectoryMetrics: Codable, Sendable, Equatable {
    /// The default for `stepsToTolerance`: f within 1e-3 of the minimum value.
    public static let defaultTolerance = 1e-3

    /// f at the last point; `nil` when it is not finite or there are no points.
    public var finalLoss: Double?
    /// |x_n - m| for the nearest known minimum m; `nil` when the function has none.
    public var distanceToNearestMinimum: Double?
    /// The first k (steps taken, 0 for the start) with f(x_k) - f* ≤ tolerance; `nil` if never,
    /// or when the minimum value f* is unknown.
    public var stepsToTolerance: Int?
    /// Σ_k |x_k - x_{k-1}|, the Euclidean length of the path drawn.
    public var pathLength: Double
    /// The number of steps that carry the point past the minimum: steps k in 1...n with
    /// (x_k - m)·(x_{k-1} - m) < 0, where m is the known minimum nearest to x_{k-1}. The offset
    /// from the minimum turns by more than 90°, so the step jumped over it (momentum running
    /// through, or a step too large for the curvature). A path that slides in from one side has
    /// none, a path that zig-zags across the minimum counts every crossing, and a point resting
    /// exactly on the minimum counts nothing. `nil` when the function has no known minimum.
    public var overshootCount: Int?
    /// Whether the run diverged; the metrics then describe the points before the divergence.
    public var diverged: Bool

    /// Metrics of the run through `points` (the start, then after each step) with `losses`
    /// (f at each point, `nil` where not finite).
    public init<Points: BidirectionalCollection<[Double]>>(
        points: Points, losses: [Double?], diverged: Bool = false, minima: [[Double]],
        minimumValue: Double?, tolerance: Double = TrajectoryMetrics.defaultTolerance
    ) {
        self.diverged = diverged
        finalLoss = (losses.last ?? nil).flatMap { $0.isFinite ? $0 : nil }

        distanceToNearestMinimum = points.last.flatMap { last in
            squaredDistanceToNearest(last, of: minima).map { $0.squareRoot() }
        }

        stepsToTolerance = minimumValue.flatMap { target in
            losses.firstIndex { loss in
                guard let loss, loss.isFinite else { return false }
                return loss - target <= tolerance
            }
        }

        var length = 0.0
        for (from, to) in zip(points, points.dropFirst()) {
            length += squaredDistance(from, to).squareRoot()
        }
        pathLength = length

        overshootCount = minima.isEmpty ? nil : Self.crossings(of: points, minima: minima)
    }

    /// The steps whose offset from the minimum nearest their start turns by more than 90°.
    private static func crossings<Points: BidirectionalCollection<[Double]>>(of points: Points, minima: [[Double]]) -> Int {
        var count = 0
        for (from, to) in zip(points, points.dropFirst()) {
            guard let nearest = minima.min(by: { squaredDistance(from, $0) < squaredDistance(from, $1) }) else { continue }
            var dot = 0.0
            for i in nearest.indices where i < from.count && i < to.count {
                dot += (from[i] - nearest[i]) * (to[i] - nearest[i])
            }
            if dot < 0 { count += 1 }
        }
        return count
    }

    /// Metrics of a runner's trajectory.
    public init(
        _ trajectory: Trajectory, minima: [[Double]], minimumValue: Double?,
        tolerance: Double = TrajectoryMetrics.defaultTolerance
    ) {
        self.init(
            points: trajectory.points.rows, losses: trajectory.losses, diverged: trajectory.divergedAtStep != nil,
            minima: minima, minimumValue: minimumValue, tolerance: tolerance)
    }
}
