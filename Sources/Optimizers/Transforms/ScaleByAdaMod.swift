import Foundation

/// AdaMod's momental bound (torch_optimizer `AdaMod`; lessw2020's DiffMod): Adam's moments and
/// the actual per-element learning rate `s = lr·√(1-β₂ᵗ)/(1-β₁ᵗ) / (√v + ε)`, its running mean
/// `s̄ ← β₃·s̄ + (1-β₃)·s`, and the step `min(s, s̄) · m`, or `(s + s̄)/2 · m` with `averageStep`.
/// The bound is on actual rates, so this block takes `lr`; it leaves `u = m` and the bounded
/// rates as `.stepSizes` for `ScaleByLearningRate` (which then adds only the sign), so that a
/// friction in between scales m as DiffMod does.
public struct ScaleByAdaMod: GradientTransformation {
    public struct State {
        let firstMoment: StateVector
        let secondMoment: StateVector
        let stepSizeAverage: StateVector
        /// β₁ᵗ and β₂ᵗ.
        var beta1Powers: StepPowers
        var beta2Powers: StepPowers
    }

    public let beta1: Double
    public let beta2: Double
    /// β₃, the smoothing of the step sizes, in [0, 1).
    public let beta3: Double
    public let epsilon: Double
    /// lessw2020's DiffMod option: average `s` and `s̄` instead of taking the smaller.
    public let averageStep: Bool

    /// The learning rate, > 0, inside the bounded rates.
    public let learningRate: Double

    public init(
        learningRate: Double, beta1: Double, beta2: Double, beta3: Double, epsilon: Double, averageStep: Bool = false
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.beta3 = beta3
        self.epsilon = epsilon
        self.averageStep = averageStep
    }

    /// β₁ changed (a scheduler's momentum cycling): the bias correction uses the new β₁ᵗ, as
    /// the reference's `1 - beta1 ** step` does.
    public func rebind(_ state: inout State) {
        state.beta1Powers = state.beta1Powers.rebased(beta1)
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(
            firstMoment: StateVector(count: parameter.count), secondMoment: StateVector(count: parameter.count),
            stepSizeAverage: StateVector(count: parameter.count),
            beta1Powers: StepPowers(base: beta1), beta2Powers: StepPowers(base: beta2))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let scale = learningRate * (1 - state.beta2Powers(context.step)).squareRoot() / (1 - state.beta1Powers(context.step))
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let first = addScaled(state.firstMoment[index] * beta1, 1 - beta1, gradient)
            state.firstMoment[index] = first
            let second = addcmul(state.secondMoment[index] * beta2, 1 - beta2, gradient, gradient)
            state.secondMoment[index] = second
            let stepSize = scale / (second.squareRoot() + epsilon)
            let average = addScaled(state.stepSizeAverage[index] * beta3, 1 - beta3, stepSize)
            state.stepSizeAverage[index] = average
            updates[index] = first
            context.denominator[index] = averageStep ? (stepSize + average) / 2 : Swift.min(stepSize, average)
        }
        context.perElementRole = .stepSizes
        context.report(state.firstMoment, on: .firstMoment)
    }
}
