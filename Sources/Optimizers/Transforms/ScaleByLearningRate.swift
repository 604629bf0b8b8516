/// The learning rate and the descent sign, in the one place that holds them. With the step
/// size `η = (stepFactor·lr)/stepDivisor` that earlier blocks asked for: `u ← ((-η)·u)/d` when
/// they left a denominator d (PyTorch's `p.addcdiv_(u, d, value=-η)`), else the optimizer
/// applies `p ← p + (-η)·u` (`p.add_(u, alpha=-η)`).
public struct ScaleByLearningRate: GradientTransformation {
    /// The learning rate, > 0.
    public let learningRate: Double

    public init(_ learningRate: Double) {
        self.learningRate = learningRate
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) {}

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout Void) {
        let stepSize = context.stepFactor * learningRate / context.stepDivisor
        guard context.hasDenominator else {
            context.applyScale = -stepSize
            return
        }
        let updates = context.updates, denominator = context.denominator
        for index in updates.indices { updates[index] = -stepSize * updates[index] / denominator[index] }
        context.applyScale = 1
    }
}
