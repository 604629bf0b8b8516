import Testing
@testable import Optimizers

/// `step(closure:)`: an optimizer of the closure kind evaluates f and ∇f again through the
/// closure, at the points it moves to; the others call it once and step as usual.
@Suite struct ClosureStepTests {
    /// f = (x - 3)² + 10(y + 1)² with its gradient, counting the calls and where they were made.
    final class Bowl {
        let parameter = Parameter([0, 0])
        var points: [[Double]] = []

        func evaluate(_ optimizer: Optimizer) -> Double {
            let (x, y) = (parameter.values[0], parameter.values[1])
            points.append([x, y])
            optimizer.zeroGrad(.inplace)
            parameter.accumulateGradient([2 * (x - 3), 20 * (y + 1)])
            return (x - 3) * (x - 3) + 10 * (y + 1) * (y + 1)
        }
    }

    @Test func lbfgsEvaluatesAtTheIteratesItVisits() throws {
        let bowl = Bowl()
        let optimizer = try OptimizerSpec(parsing: "lbfgs(max_iter=5)").makeOptimizer(for: [bowl.parameter])
        #expect(optimizer.needsClosure)
        #expect(try OptimizerSpec(parsing: "lbfgs").definition.stepKind == .closure)
        optimizer.step { bowl.evaluate(optimizer) }
        // One call at the start, then one after each inner iteration but the last.
        #expect(bowl.points.count == 5)
        #expect(Set(bowl.points.map { $0.description }).count == 5, "each call at a new iterate: \(bowl.points)")
        let (x, y) = (bowl.parameter.values[0], bowl.parameter.values[1])
        #expect((x - 3) * (x - 3) + 10 * (y + 1) * (y + 1) < 19, "downhill from f(0, 0) = 19: \(bowl.parameter.values)")
    }

    @Test func aGradientOptimizerCallsTheClosureOnceAndSteps() throws {
        let bowl = Bowl()
        let optimizer = try OptimizerSpec(parsing: "sgd(lr=0.01)").makeOptimizer(for: [bowl.parameter])
        #expect(!optimizer.needsClosure)
        optimizer.step { bowl.evaluate(optimizer) }
        #expect(bowl.points == [[0, 0]])
        #expect(bowl.parameter.values == [0.06, -0.2])
    }
}
