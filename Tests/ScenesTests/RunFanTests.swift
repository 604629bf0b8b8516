import Foundation
import Objectives
import Optimizers
import Plotting
import Testing
import Trajectories
@testable import Scenes

@Suite struct RunFanTests {
    let rosenbrock = try! FunctionCatalog().resolve("rosenbrock")

    /// A run whose losses are `losses` (points on the x axis), diverged at `diverged`.
    func run(_ losses: [Double?], diverged: Int? = nil) -> Trajectory {
        Trajectory(
            function: "f", optimizer: "sgd", start: [0, 0], steps: losses.count - 1, zeroGrad: "inplace", clipGradNorm: nil,
            points: VectorSeries(losses.indices.map { [Double($0), 0] }), losses: losses,
            gradients: VectorSeries(dimension: 2), divergedAtStep: diverged)
    }

    @Test func theMedianRunIsTheLowerMedianByFinalLossWithDivergedRunsLast() throws {
        let odd = try RunFan(runs: [run([9, 5]), run([9, 1]), run([9, 3])])
        #expect(odd.medianIndex == 2)
        let even = try RunFan(runs: [run([9, 4]), run([9, 1]), run([9, 3]), run([9, 2])])
        #expect(even.medianIndex == 3, "the lower median: the 2nd smallest of 4")
        let diverged = try RunFan(runs: [run([9, 0.1], diverged: 2), run([9, 7]), run([9, 8])])
        #expect(diverged.medianIndex == 2, "a diverged run ranks last whatever its last finite loss")
        let ties = try RunFan(runs: [run([9, 2]), run([9, 2]), run([9, 2])])
        #expect(ties.medianIndex == 1, "ties go by seed order")
    }

    @Test func quantilesArePointwiseNearestRankWithStoppedRunsAsInfinity() throws {
        let fan = try RunFan(runs: (1...10).map { k in run([Double(k), Double(11 - k), k == 10 ? nil : 1]) })
        let value: (Trajectory, Int) -> Double? = { run, step in step < run.losses.count ? run.losses[step] : nil }
        #expect(fan.quantile(0.1, of: value) == [1, 1, 1])
        #expect(fan.quantile(0.5, of: value) == [5, 5, 1])
        #expect(fan.quantile(0.9, of: value) == [9, 9, 1])
        #expect(fan.quantile(1, of: value)[2] == .infinity)
    }

    /// The map draws the median run bold with the others as its fan; curves draw the pointwise
    /// median with the 10-90 % band.
    @Test func mapsAndCurvesOfSeededNoisyRuns() throws {
        let spec = try OptimizerSpec(parsing: "adam(lr=0.05)")
        let runs = try (0..<8).map { seed in
            try TrajectoryRunner.trajectory(
                of: rosenbrock.objective, function: "rosenbrock", optimizer: spec,
                configuration: RunConfiguration(
                    start: [-2, 2], steps: 50, gradientNoise: GradientNoise(sigma: 30, seed: UInt64(seed))))
        }
        let fan = try RunFan(runs: runs)
        let path = fan.plottedPath(of: try OptimizerSpec(parsing: "adam"), label: "adam")
        #expect(path.points == runs[fan.medianIndex].points.rows)
        #expect(path.fan.count == 7 && !path.fan.contains(path.points))
        let map = try MapScene(function: rosenbrock, paths: [path]).contourMap()
        #expect(map.paths[0].fan.count == 7)

        let curves = try CurvesScene(function: rosenbrock, runs: [("adam", runs[fan.medianIndex])], fans: [fan])
        let series = curves.lossChart().series[0]
        let band = try #require(series.band)
        for step in 0...50 {
            #expect(band.lower[step] <= series.ys[step] && series.ys[step] <= band.upper[step])
        }
        #expect(band.upper[50] > band.lower[50], "seeded noise spreads the runs")
        #expect(try CurvesScene(function: rosenbrock, runs: [("adam", runs[0])]).lossChart().series[0].band == nil)
    }
}
