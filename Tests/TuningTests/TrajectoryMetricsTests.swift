import Testing
import Trajectories
@testable import Tuning

@Suite struct TrajectoryMetricsTests {
    @Test func aStraightSlideIn() {
        // Along y = 0 towards the minimum at the origin, f = x².
        let xs: [Double] = [-4, -2, -1, -0.03, -0.01]
        let metrics = TrajectoryMetrics(
            points: xs.map { [$0, 0] }, losses: xs.map { $0 * $0 }, minima: [[0, 0]], minimumValue: 0)
        #expect(metrics.finalLoss == 1e-4)
        #expect(metrics.distanceToNearestMinimum == 0.01)
        #expect(metrics.stepsToTolerance == 3)
        #expect(abs(metrics.pathLength - 3.99) < 1e-12)
        #expect(metrics.overshootCount == 0)
        #expect(!metrics.diverged)
    }

    @Test func everyJumpAcrossTheMinimumIsAnOvershoot() {
        // -2 -> 1 -> -0.5 -> 0.25 crosses three times, -> 0.1 does not, -> 0 lands on it (no count).
        let xs: [Double] = [-2, 1, -0.5, 0.25, 0.1, 0]
        let metrics = TrajectoryMetrics(
            points: xs.map { [1 + $0, 1] }, losses: xs.map { $0 * $0 }, minima: [[1, 1]], minimumValue: 0)
        #expect(metrics.overshootCount == 3)
        #expect(metrics.pathLength == 3 + 1.5 + 0.75 + 0.15 + 0.1)
        #expect(metrics.stepsToTolerance == 5)
    }

    @Test func aTurnOfMoreThanNinetyDegreesAroundTheMinimumCounts() {
        // (2,0) -> (0,2): 90°, dot product 0, not past it; (0,2) -> (-1,-1): dot -2 < 0, past it.
        let points: [[Double]] = [[2, 0], [0, 2], [-1, -1]]
        let metrics = TrajectoryMetrics(points: points, losses: [4, 4, 2], minima: [[0, 0]], minimumValue: 0)
        #expect(metrics.overshootCount == 1)
    }

    @Test func theNearestOfSeveralMinimaIsUsed() {
        // Himmelblau-like: minima at (3, 2) and (-3, 2). The path settles beside (3, 2).
        let points: [[Double]] = [[0, 2], [2, 2], [3.5, 2], [3, 2.5]]
        let metrics = TrajectoryMetrics(points: points, losses: [9, 1, 0.25, 0.25], minima: [[3, 2], [-3, 2]], minimumValue: 0)
        #expect(metrics.distanceToNearestMinimum == 0.5)
        #expect(metrics.overshootCount == 1)
    }

    @Test func unknownMinimaLeaveTheirMetricsEmpty() {
        let metrics = TrajectoryMetrics(points: [[0, 0], [1, 1]], losses: [0, -2], minima: [], minimumValue: nil)
        #expect(metrics.distanceToNearestMinimum == nil)
        #expect(metrics.overshootCount == nil)
        #expect(metrics.stepsToTolerance == nil)
        #expect(metrics.finalLoss == -2)
        #expect(metrics.pathLength == 2.0.squareRoot())
    }

    @Test func neverReachingTheToleranceIsNil() {
        let metrics = TrajectoryMetrics(points: [[1, 0], [0.5, 0]], losses: [1, 0.0011], minima: [[0, 0]], minimumValue: 0)
        #expect(metrics.stepsToTolerance == nil)
        let looser = TrajectoryMetrics(points: [[1, 0], [0.5, 0]], losses: [1, 0.0011], minima: [[0, 0]], minimumValue: 0, tolerance: 0.01)
        #expect(looser.stepsToTolerance == 1)
    }

    @Test func theToleranceIsMeasuredFromTheMinimumValue() {
        // Styblinski-Tang-like: f* = -78.33; being at -78.3325 is within 1e-3.
        let metrics = TrajectoryMetrics(
            points: [[0, 0], [-2, -2], [-2.9, -2.9]], losses: [0, -50, -78.3325], minima: [[-2.903534, -2.903534]],
            minimumValue: -78.33233)
        #expect(metrics.stepsToTolerance == 2)
    }

    @Test func aDivergedTrajectoryIsDescribedUpToItsDivergence() {
        let trajectory = Trajectory(
            function: "rosenbrock", optimizer: "sgd(lr=1)", start: [-2, 2], steps: 5, zeroGrad: "inplace",
            clipGradNorm: nil, points: [[-2, 2], [1000, -400]], losses: [409, nil], gradients: [[0, 0]],
            divergedAtStep: 2)
        let metrics = TrajectoryMetrics(trajectory, minima: [[1, 1]], minimumValue: 0)
        #expect(metrics.diverged)
        #expect(metrics.finalLoss == nil)
        #expect(metrics.overshootCount == 1)
        #expect(metrics.stepsToTolerance == nil)
    }
}
