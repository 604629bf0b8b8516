import Testing
import Trajectories
@testable import Diagnostics

/// Runs built by hand: the real runner's output is tested in the end-to-end diagnose tests.
private func run(gradients: [[Double]], previous: [[Double]], friction: [[Double]]) -> Trajectory {
    Trajectory(
        function: "f", optimizer: "diffgrad", start: [0, 0], steps: gradients.count, zeroGrad: "inplace",
        clipGradNorm: nil, points: VectorSeries(dimension: 2), losses: [], gradients: VectorSeries(gradients),
        previousGradients: VectorSeries(previous), friction: VectorSeries(friction))
}

@Suite struct GradientOverlapTests {
    private let gradients: [[Double]] = [[1, 2], [3, 4], [5, 6], [7, 8]]

    @Test func aliasedRunOverlapsAtEveryStepAfterTheFirst() throws {
        let aliased = run(
            gradients: gradients, previous: [[0, 0], [3, 4], [5, 6], [7, 8]],
            friction: [[0.7, 0.8], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]])
        let overlap = try #require(GradientOverlap(aliased))
        #expect(overlap.comparedSteps == 3)
        #expect(overlap.overlapFraction == 1)
        #expect(overlap.shiftFraction == 0)
        #expect(overlap.halfFrictionFromStep == 2)
        let verdict = AliasingVerdict(overlap)
        #expect(verdict.finding == .aliasing)
        #expect(verdict.summary.contains("3 of 3 steps"))
        #expect(verdict.summary.contains("ξ = 0.5 from step 2"))
    }

    @Test func fixedRunIsShiftedByOneStep() throws {
        let fixed = run(
            gradients: gradients, previous: [[0, 0], [1, 2], [3, 4], [5, 6]],
            friction: [[0.7, 0.8], [0.9, 0.9], [0.9, 0.9], [0.9, 0.9]])
        let overlap = try #require(GradientOverlap(fixed))
        #expect(overlap.overlapFraction == 0)
        #expect(overlap.shiftFraction == 1)
        #expect(overlap.halfFrictionFromStep == nil)
        #expect(AliasingVerdict(overlap).finding == .noAliasing)
    }

    @Test func mixedRunIsInconclusive() throws {
        let mixed = run(
            gradients: gradients, previous: [[0, 0], [3, 4], [3, 4], [5, 6]],
            friction: [[0.7, 0.8], [0.5, 0.5], [0.9, 0.9], [0.9, 0.9]])
        let overlap = try #require(GradientOverlap(mixed))
        #expect(AliasingVerdict(overlap).finding == .inconclusive)
    }

    @Test func runWithoutPreviousGradientsIsNotMeasured() {
        var adam = run(gradients: gradients, previous: [], friction: [])
        adam.previousGradients = nil
        #expect(GradientOverlap(adam) == nil)
    }

    @Test(arguments: [2, 5, 20, 21, 300])
    func aVerdictOnFewComparedStepsCarriesAWarning(steps: Int) throws {
        let gradients = (0..<steps).map { [Double($0), 1] }
        let verdict = AliasingVerdict(try #require(GradientOverlap(run(gradients: gradients, previous: gradients, friction: []))))
        let few = steps - 1 < AliasingVerdict.minimumComparedSteps
        #expect((verdict.warning != nil) == few, "\(steps - 1) compared steps")
        #expect(verdict.warning?.contains("\(steps - 1) compared step") ?? true)
    }
}
