import Testing
@testable import Optimizers

@Suite struct ParameterTests {
    @Test func inplaceZeroGradKeepsTheSameBuffer() {
        let parameter = Parameter([1, 2])
        parameter.accumulateGradient([3, 4])
        let held = parameter.grad
        parameter.zeroGrad(.inplace)
        parameter.accumulateGradient([5, 6])
        #expect(held === parameter.grad)
        #expect(held?.values == [5, 6])
    }

    @Test func setToNoneGivesAFreshBuffer() {
        let parameter = Parameter([1, 2])
        parameter.accumulateGradient([3, 4])
        let held = parameter.grad
        parameter.zeroGrad(.none)
        parameter.accumulateGradient([5, 6])
        #expect(held !== parameter.grad)
        #expect(held?.values == [3, 4])
    }
}
