import Foundation
import Testing
@testable import Schedules

/// The lrs a schedule gives over `steps` steps (the lr each step uses), and the momentum.
func schedule(_ text: String, lr: Double = 0.1, momentum: (key: String, value: Double)? = nil, steps: Int, loss: (Int) -> Double = { _ in 1 })
    throws -> (lrs: [Double], momenta: [Double?])
{
    let group = ParameterGroup(lr: lr, momentum: momentum)
    let scheduler = try SchedulerSpec(parsing: text).makeScheduler(for: group)
    var lrs: [Double] = [], momenta: [Double?] = []
    for step in 1...steps {
        lrs.append(group.lr)
        momenta.append(group.momentum)
        scheduler.step(loss: loss(step))
    }
    return (lrs, momenta)
}

@Suite struct SchedulerBehaviourTests {
    @Test func stepLRDecaysAtEveryStepSize() throws {
        let lrs = try schedule("steplr(step_size=3, gamma=0.5)", steps: 7).lrs
        #expect(lrs == [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025])
    }

    @Test func warmUpThenCosineMeetsAtTheMilestone() throws {
        let lrs = try schedule("sequentiallr(linearlr(start_factor=0.1, total_iters=4), cosineannealinglr(T_max=8), milestones=4)", steps: 13).lrs
        #expect(abs(lrs[0] - 0.01) < 1e-15)
        #expect(lrs[1] > lrs[0] && lrs[3] > lrs[2])
        // At the milestone the cosine starts at its closed form for t = 0: the base lr.
        #expect(lrs[4] == 0.1)
        #expect(abs(lrs[12]) < 1e-15)
    }

    @Test func recursiveCosineDiffersFromTheClosedFormOnlyInTheLastBits() throws {
        let lrs = try schedule("cosineannealinglr(T_max=50)", steps: 40).lrs
        let closed = (0..<40).map { 0.1 * (1 + cos(Double.pi * Double($0) / 50)) / 2 }
        for (recursive, closedForm) in zip(lrs, closed) { #expect(abs(recursive - closedForm) <= 1e-15) }
        #expect(zip(lrs, closed).contains { $0 != $1 }, "PyTorch's step() is recursive; identical values mean the closed form was used")
    }

    @Test func oneCycleCyclesBeta1TheOtherWay() throws {
        let run = try schedule("onecyclelr(max_lr=1, total_steps=10)", momentum: ("beta1", 0.9), steps: 10)
        // The first lr is the cosine anneal at pct 0, `max + (initial - max)/2·2`, as PyTorch
        // computes it: 1/25 with a rounding error, not 1/25.
        let initial = 1.0 / 25
        let annealed: Double = 1 + (initial - 1) / 2 * 2
        #expect(run.lrs[0] == annealed)
        #expect(run.lrs[0] != initial)
        #expect(run.momenta[0] == 0.95)
        let peak = run.lrs.indices.max { run.lrs[$0] < run.lrs[$1] }!
        #expect(peak == 2)
        #expect(run.momenta[peak] == 0.85)
    }

    @Test func plateauReducesAfterPatienceBadSteps() throws {
        let lrs = try schedule("reducelronplateau(factor=0.5, patience=2)", steps: 8, loss: { _ in 1 }).lrs
        // Step 1 sets the best; steps 2, 3, 4 are bad; the third bad step exceeds patience.
        #expect(lrs == [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025])
    }

    @Test func chainedSchedulersCompose() throws {
        let lrs = try schedule("chainedscheduler(constantlr(factor=0.5, total_iters=2), exponentiallr(gamma=0.5))", steps: 4).lrs
        #expect(lrs == [0.05, 0.025, 0.025, 0.0125])
    }
}
