import Objectives
import Optimizers
import Testing
@testable import Trajectories

/// One divergence rule for every run: step s diverges when the loss or the gradient at the point
/// it starts from is not finite, or when its update makes the point non-finite. Trajectories and
/// summaries (what searches run) agree on the step, the last point and its loss.
@Suite struct DivergenceRuleTests {
    /// Each way a run goes non-finite, with a point that stays finite for the first three.
    static let cases: [(name: String, function: String, dimension: Int?, optimizer: String, start: [Double]?, steps: Int)] = [
        // The example: f overflows at a finite point, ∇f = κ·x stays finite.
        ("loss overflows", "quadratic-n", 50, "sgd(lr=0.01)", nil, 400),
        // log of a negative number: f is NaN, ∇f = 1/x is finite.
        ("loss is NaN", "log(x) + y^2", nil, "sgd(lr=0.5)", [0.5, 1], 50),
        // sqrt of a negative number: f and ∇f NaN.
        ("loss and gradient are NaN", "sqrt(x) + y^2", nil, "sgd(lr=0.5)", [0.2, 1], 50),
        // ∇f = 1/(2√x) is infinite at x = 0 where f = 0 is finite.
        ("gradient is infinite", "sqrt(abs(x)) + y^2", nil, "sgd(lr=0.1)", [0, 1], 20),
        // The point itself overflows.
        ("point overflows", "rosenbrock", nil, "sgd(lr=0.01)", nil, 100),
    ]

    private func run(_ index: Int) throws -> (Trajectory, RunSummary, FunctionDefinition) {
        let item = Self.cases[index]
        let definition = try FunctionCatalog().resolve(item.function, dimension: item.dimension,
                                                       conditionNumber: item.dimension == nil ? nil : 1000)
        let spec = try OptimizerSpec(parsing: item.optimizer)
        let configuration = RunConfiguration(start: item.start ?? definition.start, steps: item.steps, zeroGrad: .inplace)
        let trajectory = try TrajectoryRunner.trajectory(
            of: definition.objective, function: item.function, optimizer: spec, configuration: configuration)
        let summary = try TrajectoryRunner.summary(of: definition.objective, optimizer: spec, configuration: configuration)
        return (trajectory, summary, definition)
    }

    @Test(arguments: 0..<cases.count)
    func theRunStopsAtTheFirstNonFiniteLossGradientOrPoint(index: Int) throws {
        let (trajectory, _, definition) = try run(index)
        let step = try #require(trajectory.divergedAtStep, "\(Self.cases[index].name) did not diverge")
        #expect(trajectory.points.count == step)
        #expect(trajectory.losses.count == step)
        #expect(trajectory.gradients.count == step - 1)
        #expect(trajectory.points.rows.allSatisfy { $0.allSatisfy(\.isFinite) })
        // Every step taken started from a finite loss and gradient.
        #expect(trajectory.losses.dropLast().allSatisfy { $0 != nil })
        #expect(trajectory.gradients.rows.allSatisfy { $0.allSatisfy(\.isFinite) })
        // And the step that diverged read a non-finite loss or gradient, or made the point non-finite.
        let last = trajectory.points.rows.last!
        var gradient = Array(repeating: 0.0, count: definition.dimension)
        let loss = definition.objective.valueAndGradient(at: last, into: &gradient)
        if Self.cases[index].name != "point overflows" {
            #expect(!loss.isFinite || !gradient.allSatisfy(\.isFinite), "\(Self.cases[index].name)")
        }
    }

    @Test(arguments: 0..<cases.count)
    func summariesAgreeWithTrajectories(index: Int) throws {
        let (trajectory, summary, _) = try run(index)
        #expect(summary.divergedAtStep == trajectory.divergedAtStep)
        #expect(summary.finalPoint == trajectory.points.rows.last!)
        #expect(summary.finalLoss == trajectory.losses.last!)
        #expect(summary.stepsTaken == trajectory.points.count - 1)
    }

    /// A finite run is untouched: no divergence, every loss and gradient recorded.
    @Test func aFiniteRunDoesNotDiverge() throws {
        let definition = try FunctionCatalog().resolve("log(x) + y^2")
        let run = try TrajectoryRunner.trajectory(
            of: definition.objective, function: "log", optimizer: OptimizerSpec(parsing: "sgd(lr=0.001)"),
            configuration: RunConfiguration(start: [1, 1], steps: 50, zeroGrad: .inplace))
        #expect(run.divergedAtStep == nil && run.points.count == 51 && run.losses.allSatisfy { $0 != nil })
    }
}
