import Optimizers
import Testing
@testable import Trajectories

@Suite struct TrajectoryRunnerTests {
    func configuration(_ steps: Int = 300, zeroGrad: ZeroGradMode = .inplace, layout: ParameterLayout = .tensor)
        -> RunConfiguration
    {
        RunConfiguration(start: [-2, 2], steps: steps, zeroGrad: zeroGrad, layout: layout)
    }

    /// The aliasing verdict, from the runner: for every DiffGrad-family optimizer,
    /// version and layout, g(t-1) is g(t) from step 2 on with clone=false and inplace, and ξ = 0.5.
    @Test(arguments: ["diffgrad", "diffrgrad", "diffmod"], [ParameterLayout.tensor, .split])
    func theAliasingAppearsOnlyWithAReferenceAndInPlaceZeroing(name: String, layout: ParameterLayout) throws {
        for version in 0...2 {
            for clone in [false, true] {
                for zeroGrad in ZeroGradMode.allCases {
                    let spec = try OptimizerSpec(parsing: "\(name)(lr=0.001, version=\(version), clone=\(clone))")
                    let run = try TrajectoryRunner.trajectory(
                        of: TestObjectives.rosenbrock, function: "rosenbrock", optimizer: spec,
                        configuration: configuration(50, zeroGrad: zeroGrad, layout: layout))
                    let previous = try #require(run.previousGradients), friction = try #require(run.friction)
                    #expect(previous.count == 50 && friction.count == 50)
                    #expect(previous[0] == [0, 0])
                    let label = "\(spec) \(zeroGrad) \(layout)"
                    if !clone && zeroGrad == .inplace {
                        #expect((1..<50).allSatisfy { previous[$0] == run.gradients[$0] }, "\(label)")
                        #expect((1..<50).allSatisfy { friction[$0] == [0.5, 0.5] }, "\(label)")
                    } else {
                        #expect((1..<50).allSatisfy { previous[$0] == run.gradients[$0 - 1] }, "\(label)")
                        #expect((1..<50).allSatisfy { friction[$0] != [0.5, 0.5] }, "\(label)")
                    }
                }
            }
        }
    }

    @Test func otherOptimizersReportNoFriction() throws {
        let run = try TrajectoryRunner.trajectory(
            of: TestObjectives.rosenbrock, function: "rosenbrock", optimizer: OptimizerSpec(parsing: "adam"), configuration: configuration(3))
        #expect(run.previousGradients == nil && run.friction == nil)
        #expect(run.points.count == 4 && run.losses.count == 4 && run.gradients.count == 3)
    }

    @Test func aDivergingRunStopsBeforeTheNonFinitePoint() throws {
        let spec = try OptimizerSpec(parsing: "sgd(lr=0.01)")
        let run = try TrajectoryRunner.trajectory(
            of: TestObjectives.rosenbrock, function: "rosenbrock", optimizer: spec, configuration: configuration(100))
        let diverged = try #require(run.divergedAtStep)
        #expect(run.points.count == diverged)
        #expect(run.losses.count == diverged)
        #expect(run.gradients.count == diverged - 1)
        #expect(run.points.allSatisfy { $0.allSatisfy(\.isFinite) })
        let summary = try TrajectoryRunner.summary(of: TestObjectives.rosenbrock, optimizer: spec, configuration: configuration(100))
        #expect(summary.divergedAtStep == diverged)
        #expect(summary.finalPoint == run.points[run.points.count - 1])
        #expect(summary.finalLoss == run.losses.last!)
        #expect(summary.stepsTaken == diverged - 1)
    }

    @Test func theSummaryEndsWhereTheTrajectoryEnds() throws {
        let spec = try OptimizerSpec(parsing: "diffgrad(lr=0.01, clone=false)")
        let run = try TrajectoryRunner.trajectory(
            of: TestObjectives.rastrigin, function: "rastrigin", optimizer: spec, configuration: configuration(200))
        let summary = try TrajectoryRunner.summary(of: TestObjectives.rastrigin, optimizer: spec, configuration: configuration(200))
        #expect(summary.finalPoint == run.points[200])
        #expect(summary.finalLoss == run.losses[200])
        #expect(summary.divergedAtStep == nil && summary.stepsTaken == 200)
    }

    @Test(arguments: [
        (RunConfiguration(start: [1], steps: 10), "the start point has 1 coordinates but the function takes 2"),
        (RunConfiguration(start: [1, .nan], steps: 10), "is not finite"),
        (RunConfiguration(start: [1, 2], steps: 0), "steps must be at least 1, got 0"),
        (RunConfiguration(start: [1, 2], steps: 5, clipGradNorm: 0), "clip norm must be a finite number > 0"),
    ])
    func rejectsBadConfigurations(_ configuration: RunConfiguration, _ fragment: String) throws {
        #expect {
            try TrajectoryRunner.summary(of: TestObjectives.rosenbrock, optimizer: OptimizerSpec(parsing: "adam"), configuration: configuration)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
