/// The learning rate and the descent sign, in the one place that holds them. With the step
/// size `η = ((stepFactor·lr)/stepDivisor)·stepMultiplier` that earlier blocks asked for: `u ← ((-η)·u)/d` when
/// they left a denominator d (PyTorch's `p.addcdiv_(u, d, value=-η)`), after
/// `p ← p + ((-η₀)·l)/d` when they also left a leading term l, η₀ = (leadingFactor·lr)/leadingDivisor
/// (NAdam's first `addcdiv_`); `u ← -(s·u)` when they left actual step sizes s (AdaMod's, which
/// include lr); else the optimizer applies `p ← p + (-η)·u` (`p.add_(u, alpha=-η)`).
public struct ScaleByLearningRate: GradientTransformation {
    /// The learning rate, > 0.
    public let learningRate: Double

    public init(_ learningRate: Double) {
        self.learningRate = learningRate
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) {}

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout Void) {
        let stepSize = context.stepFactor * learningRate / context.stepDivisor * context.stepMultiplier
        let updates = context.updates, perElement = context.denominator
        switch context.perElementRole {
        case .none:
            context.applyScale = -stepSize
        case .denominator:
            for index in updates.indices { updates[index] = -stepSize * updates[index] / perElement[index] }
            context.applyScale = 1
        case .denominatorAfterLeadingTerm:
            let leadingStepSize = context.leadingFactor * learningRate / context.leadingDivisor
            let parameter = context.parameter, leading = context.leadingTerm
            for index in updates.indices {
                parameter[index] += -leadingStepSize * leading[index] / perElement[index]
                updates[index] = -stepSize * updates[index] / perElement[index]
            }
            context.applyScale = 1
        case .stepSizes:
            for index in updates.indices { updates[index] = -(perElement[index] * updates[index]) }
            context.applyScale = 1
        }
    }
}
