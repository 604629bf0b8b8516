import Testing
@testable import Optimizers

@Suite struct ParameterTests {
    @Test func inplaceZeroGradKeepsTheSameBuffer() {
        let parameter = Parameter([1, 2])
        parameter.accumulateGradient([3, 4])
        let held = parameter.grad
        parameter.zeroGrad(.inplace)
        #expect(held?.values == [0, 0])
        parameter.accumulateGradient([5, 6])
        #expect(held === parameter.grad)
        #expect(held?.values == [5, 6])
    }

    @Test func setToNoneGivesAFreshBuffer() {
        let parameter = Parameter([1, 2])
        parameter.accumulateGradient([3, 4])
        let held = parameter.grad
        parameter.zeroGrad(.none)
        #expect(parameter.grad == nil)
        parameter.accumulateGradient([5, 6])
        #expect(held !== parameter.grad)
        #expect(held?.values == [3, 4])
    }

    @Test func backwardAccumulatesWithoutZeroing() {
        let parameter = Parameter([0, 0])
        parameter.accumulateGradient([1, 2])
        [3.0, 4.0].withUnsafeBufferPointer { parameter.accumulateGradient($0) }
        #expect(parameter.grad?.values == [4, 6])
    }

    @Test func cloneCopiesTheStorage() {
        let buffer = GradientBuffer([1, 2])
        let copy = buffer.clone()
        buffer[0] = 9
        #expect(copy.values == [1, 2])
        copy.copy(from: buffer)
        #expect(copy.values == [9, 2])
    }
}
