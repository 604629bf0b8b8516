import Testing
@testable import Optimizers

@Suite struct GradientClippingTests {
    @Test func scalesByMaxNormOverTotalNormAcrossParameters() {
        let first = Parameter([0, 0]), second = Parameter([0])
        first.accumulateGradient([3.0, 0.0])
        second.accumulateGradient([4.0])
        let held = first.grad
        let total = clipGradNorm([first, second], maxNorm: 1)
        #expect(total == 5)
        let coefficient = 1 / (5 + 1e-6)
        #expect(first.grad?.values == [3 * coefficient, 0])
        #expect(second.grad?.values == [4 * coefficient])
        #expect(first.grad === held, "clipping works in place")
    }

    @Test func leavesSmallGradientsAlone() {
        let parameter = Parameter([0, 0])
        parameter.accumulateGradient([0.3, -0.4])
        clipGradNorm([parameter], maxNorm: 1)
        #expect(parameter.grad?.values == [0.3, -0.4])
    }

    @Test func skipsParametersWithoutGradient() {
        let parameter = Parameter([1])
        #expect(clipGradNorm([parameter], maxNorm: 1) == 0)
        #expect(parameter.grad == nil)
    }
}
