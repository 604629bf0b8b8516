/// Adagrad (`torch.optim.Adagrad`): `s ← s + g²`, `u = g / (√s + ε) / (1 + (t-1)·lr_decay)`.
public struct ScaleByAdagrad: GradientTransformation {
    public let learningRateDecay: Double
    public let initialAccumulatorValue: Double
    public let epsilon: Double

    public init(learningRateDecay: Double, initialAccumulatorValue: Double, epsilon: Double) {
        self.learningRateDecay = learningRateDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> StateVector {
        StateVector(count: parameter.count, repeating: initialAccumulatorValue)
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state sum: inout StateVector) {
        context.stepDivisor = 1 + Double(context.step - 1) * learningRateDecay
        let updates = context.updates, denominator = context.denominator
        for index in updates.indices {
            let gradient = updates[index]
            sum[index] = addcmul(sum[index], 1, gradient, gradient)
            denominator[index] = sum[index].squareRoot() + epsilon
        }
        context.hasDenominator = true
    }
}
