import Testing
import Trajectories
@testable import Diagnostics

/// A DiffGrad-style record of `steps` finite steps, built by hand.
func finiteRun(steps: Int, dimension: Int = 2) -> Trajectory {
    let rows = { (offset: Double) in (0..<steps).map { step in (0..<dimension).map { Double(step) + offset + Double($0) } } }
    return Trajectory(
        function: "f", optimizer: "diffgrad(clone=false)", start: Array(repeating: 0, count: dimension), steps: steps,
        zeroGrad: "inplace", clipGradNorm: nil, points: VectorSeries([Array(repeating: 0, count: dimension)] + rows(0.5)),
        losses: (0...steps).map { Double($0) }, gradients: VectorSeries(rows(1)), previousGradients: VectorSeries(rows(2)),
        friction: VectorSeries(rows(0).map { $0.map { _ in 0.7 } }))
}

@Suite struct RunBeforeDivergenceTests {
    /// Each channel of a step's record, made non-finite at step `step` (1-based); for the loss,
    /// the loss at the point the step starts from, as the runner checks it.
    enum Channel: CaseIterable { case gradient, previous, friction, point, loss }

    static func poisoned(_ channel: Channel, atStep step: Int, value: Double) -> Trajectory {
        var run = finiteRun(steps: 10)
        func replaced(_ series: VectorSeries, row: Int) -> VectorSeries {
            var rows = series.rows
            rows[row][1] = value
            return VectorSeries(rows)
        }
        switch channel {
        case .gradient: run.gradients = replaced(run.gradients, row: step - 1)
        case .previous: run.previousGradients = replaced(run.previousGradients!, row: step - 1)
        case .friction: run.friction = replaced(run.friction!, row: step - 1)
        case .point: run.points = replaced(run.points, row: step)
        case .loss: run.losses[step - 1] = value.isNaN ? nil : value
        }
        return run
    }

    @Test(arguments: Channel.allCases, [Double.infinity, -.infinity, .nan])
    func anyNonFiniteChannelCutsTheRunBeforeItsStep(channel: Channel, value: Double) throws {
        for step in [1, 4, 10] {
            let clipped = Self.poisoned(channel, atStep: step, value: value).beforeDivergence()
            #expect(clipped.divergedAtStep == step, "\(channel) at step \(step)")
            #expect(clipped.gradients.count == step - 1)
            #expect(clipped.previousGradients?.count == step - 1)
            #expect(clipped.friction?.count == step - 1)
            #expect(clipped.points.count == step)
            #expect(clipped.losses.count == step)
            #expect(clipped.firstNonFiniteStep == nil, "what is left is finite, but for the loss no step starts from")
        }
    }

    @Test func theRunnersDivergenceIsKeptWhenItComesFirst() {
        var run = finiteRun(steps: 10)
        run.divergedAtStep = 7
        let clipped = Self.poisoned(.gradient, atStep: 9, value: .infinity).beforeDivergence()
        #expect(clipped.divergedAtStep == 9)
        run = Self.poisoned(.gradient, atStep: 9, value: .infinity)
        run.divergedAtStep = 7
        #expect(run.beforeDivergence().divergedAtStep == 7)
        #expect(run.beforeDivergence().gradients.count == 6)
    }

    @Test func aNonFiniteLossAtTheLastPointIsNoDivergence() {
        var run = finiteRun(steps: 10)
        run.losses[10] = nil
        #expect(run.firstNonFiniteStep == nil, "no step starts from the last point")
    }

    @Test func aFiniteRunIsUnchanged() {
        let run = finiteRun(steps: 10)
        #expect(run.firstNonFiniteStep == nil)
        #expect(run.beforeDivergence() == run)
    }

    @Test func aNonFiniteStartLeavesOnlyTheStart() {
        var run = finiteRun(steps: 3)
        run.losses[0] = nil
        let clipped = run.beforeDivergence()
        #expect(clipped.divergedAtStep == 1)
        #expect(clipped.gradients.isEmpty)
        #expect(clipped.points.count == 1)
    }
}
