import Foundation
import Objectives
import Optimizers
import Testing
import Trajectories
@testable import Tuning

@Suite struct OptionSearchTests {
    let rosenbrock = try! FunctionCatalog().resolve("rosenbrock")
    let configuration = RunConfiguration(start: [-2, 2], steps: 100, clipGradNorm: 1)

    func evaluator(_ spec: String, _ objective: SearchObjective = .jettify) throws -> LearningRateEvaluator {
        try LearningRateEvaluator(
            definition: rosenbrock, optimizer: try OptimizerSpec(parsing: spec), configuration: configuration, objective: objective)
    }

    func options(_ keys: [String], of name: String) throws -> [TunedOption] {
        let definition = try OptimizerSpec(parsing: name).definition
        return try keys.map { try TunedOption($0, of: definition) }
    }

    @Test func optionsAreSearchedOverTheirDeclaredIntervals() throws {
        let sgd = try options(["lr", "momentum"], of: "sgd")
        #expect(sgd[0].logarithmic && sgd[0].interval == -8 ... -1)
        #expect(!sgd[1].logarithmic && sgd[1].interval == 0...0.99)
        #expect(try options(["beta1"], of: "adam")[0].interval == 0...0.999)
        #expect(throws: TuningError.self) { try options(["dampening"], of: "sgd") }
        #expect(throws: TuningError.self) { try options(["amsgrad"], of: "adam") }
        #expect(throws: TuningError.self) { try options(["momentum"], of: "adam") }
        #expect(throws: TuningError.self) { try OptionSearch(options: [], search: LearningRateSearch()) }
        #expect(throws: TuningError.self) { try OptionSearch(options: try options(["lr", "lr"], of: "sgd"), search: LearningRateSearch()) }
    }

    /// One option is exactly the learning-rate search: the same evaluations in the same order.
    @Test func lrAloneIsTheLearningRateSearch() throws {
        let sgd = try evaluator("sgd")
        let budget = try LearningRateSearch(budget: 40, seed: 3)
        let single = try budget.run(bounds: .defaults(forOptimizer: "sgd"), evaluate: sgd.evaluate)
        let multi = try OptionSearch(options: try options(["lr"], of: "sgd"), search: budget)
            .run(from: sgd.optimizer, evaluate: sgd.evaluate(spec:))
        #expect(multi.evaluations.map(\.objective) == single.evaluations.map(\.objective))
        #expect(multi.evaluations.map(\.spec) == (try single.evaluations.map { try sgd.optimizer(learningRate: $0.learningRate).description }))
        #expect(multi.objective == single.objective)
    }

    /// lr and momentum together: within the budget, deterministic, every evaluation a valid
    /// spec inside the intervals, and better than the lr alone with the same budget.
    @Test func lrAndMomentumBeatLrAloneWithinTheBudget() throws {
        let sgd = try evaluator("sgd")
        let search = try LearningRateSearch(budget: 120)
        let both = try OptionSearch(options: try options(["lr", "momentum"], of: "sgd"), search: search)
        let result = try both.run(from: sgd.optimizer, evaluate: sgd.evaluate(spec:))
        #expect(result.evaluations.count <= 120 && result.evaluations.count >= 110)
        for evaluation in result.evaluations {
            let spec = try OptimizerSpec(parsing: evaluation.spec)
            #expect((exp(-8)...exp(-1)).contains(try #require(spec.value(of: .lr))))
            #expect((0...0.99).contains(try #require(spec.value(of: .momentum))))
        }
        let best = try #require(result.best)
        #expect(try sgd.evaluate(spec: best) == result.objective)
        #expect(try #require(best.value(of: .momentum)) > 0)
        let lrOnly = try OptionSearch(options: try options(["lr"], of: "sgd"), search: search).run(from: sgd.optimizer, evaluate: sgd.evaluate(spec:))
        #expect(try #require(result.objective) < (try #require(lrOnly.objective)))
        let again = try both.run(from: sgd.optimizer, evaluate: sgd.evaluate(spec:))
        #expect(again.evaluations == result.evaluations)
    }

    /// A pass keeps a value only when it improves on the best so far, so later passes never lose it.
    @Test func theBestObjectiveNeverWorsensAcrossPasses() throws {
        let adam = try evaluator("adam", .kozistr)
        let search = try OptionSearch(options: try options(["lr", "beta1", "beta2"], of: "adam"), search: LearningRateSearch(budget: 60))
        let result = try search.run(from: adam.optimizer, evaluate: adam.evaluate(spec:))
        let objectives = result.evaluations.compactMap(\.objective)
        #expect(result.objective == objectives.min())
        #expect(search.passCount == 6 && result.evaluations.count == 60)
    }
}
