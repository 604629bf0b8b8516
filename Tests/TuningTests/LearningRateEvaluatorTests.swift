import Objectives
import Optimizers
import Testing
import Trajectories
@testable import Tuning

@Suite struct LearningRateEvaluatorTests {
    let rosenbrock = try! FunctionCatalog().resolve("rosenbrock")
    /// jettify's protocol: 100 steps, clipping 1.0, `zero_grad()` (set_to_none in PyTorch 2).
    let jettify = RunConfiguration(start: [-2, 2], steps: 100, zeroGrad: .none, clipGradNorm: 1)

    func evaluator(_ spec: String, _ objective: SearchObjective = .jettify, configuration: RunConfiguration? = nil) throws -> LearningRateEvaluator {
        try LearningRateEvaluator(
            definition: rosenbrock, optimizer: try OptimizerSpec(parsing: spec), configuration: configuration ?? jettify,
            objective: objective)
    }

    @Test func replacesOnlyTheLearningRate() throws {
        let adam = try evaluator("adam(lr=0.5, amsgrad=true, beta2=0.99)")
        #expect(try adam.optimizer(learningRate: 0.03).description == "adam(lr=0.03, beta2=0.99, amsgrad=true)")
        #expect(try evaluator("sgd").optimizer(learningRate: 1e-5).description == "sgd(lr=1e-05)")
    }

    @Test(arguments: SearchObjective.allCases)
    func scoresTheRunnersTrajectory(objective: SearchObjective) throws {
        let adam = try evaluator("adam", objective)
        let trajectory = try TrajectoryRunner.trajectory(
            of: rosenbrock.objective, function: "rosenbrock", optimizer: try adam.optimizer(learningRate: 0.05),
            configuration: jettify)
        let expected = objective.value(
            of: trajectory, minima: [[1, 1]], domain: try SearchDomain(lower: [-2, -1], upper: [2, 3]), minimumValue: 0)
        let value = try #require(try adam.evaluate(0.05))
        #expect(value == expected)
        #expect(value > 0)
    }

    @Test func aDivergingRunIsAFailedEvaluation() throws {
        let unclipped = RunConfiguration(start: [-2, 2], steps: 100, zeroGrad: .none, clipGradNorm: nil)
        let sgd = try evaluator("sgd", configuration: unclipped)
        #expect(try sgd.evaluate(0.5) == nil)
        #expect(try sgd.evaluate(1e-4) != nil)
    }

    @Test func aSearchOnTheRunnerBeatsTheDefaultLearningRate() throws {
        let adam = try evaluator("adam")
        let result = try LearningRateSearch(budget: 60).run(bounds: .defaults(forOptimizer: "adam"), evaluate: adam.evaluate)
        let found = try #require(result.objective)
        let atDefault = try #require(try adam.evaluate(1e-3))
        #expect(found < atDefault / 100)
        #expect(try adam.evaluate(try #require(result.learningRate)) == found)
    }

    @Test func refusesAnObjectiveItCannotCompute() throws {
        #expect(throws: TuningError.self) {
            try LearningRateEvaluator(
                function: rosenbrock.objective, named: "mystery", optimizer: try OptimizerSpec(parsing: "adam"),
                configuration: jettify, objective: .jettify, minima: [], domain: nil)
        }
    }

    @Test func aSetUpMistakeIsAnErrorNotAFailedEvaluation() throws {
        let wrongStart = RunConfiguration(start: [0, 0, 0], steps: 10)
        #expect(throws: (any Error).self) { try evaluator("adam", configuration: wrongStart).evaluate(0.1) }
    }
}
