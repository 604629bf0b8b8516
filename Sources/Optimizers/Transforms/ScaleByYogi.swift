import Foundation

/// Yogi (torch_optimizer `Yogi`): `m ← β₁·m + (1-β₁)·g`, `v ← v - (1-β₂)·sign(v - g²)·g²`,
/// `u = (m/(1-β₁ᵗ)) / (√v/√(1-β₂ᵗ) + ε)`; both moments start at `initial_accumulator`.
public struct ScaleByYogi: GradientTransformation {
    public struct State {
        let firstMoment: StateVector
        let secondMoment: StateVector
        /// β₁ᵗ and β₂ᵗ.
        var beta1Powers: StepPowers
        var beta2Powers: StepPowers
    }

    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let initialAccumulator: Double

    public init(beta1: Double, beta2: Double, epsilon: Double, initialAccumulator: Double) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.initialAccumulator = initialAccumulator
    }

    /// β₁ changed (a scheduler's momentum cycling): the bias correction uses the new β₁ᵗ, as
    /// the reference's `1 - beta1 ** step` does.
    public func rebind(_ state: inout State) {
        state.beta1Powers = state.beta1Powers.rebased(beta1)
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(
            firstMoment: StateVector(count: parameter.count, repeating: initialAccumulator),
            secondMoment: StateVector(count: parameter.count, repeating: initialAccumulator),
            beta1Powers: StepPowers(base: beta1), beta2Powers: StepPowers(base: beta2))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        context.stepDivisor = 1 - state.beta1Powers(context.step)
        let root2 = (1 - state.beta2Powers(context.step)).squareRoot()
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let first = addScaled(state.firstMoment[index] * beta1, 1 - beta1, gradient)
            state.firstMoment[index] = first
            let squared = gradient * gradient
            let previous = state.secondMoment[index]
            let difference = previous - squared
            let sign: Double = difference > 0 ? 1 : (difference < 0 ? -1 : 0)
            let second = addcmul(previous, -(1 - beta2), sign, squared)
            state.secondMoment[index] = second
            updates[index] = first
            context.denominator[index] = second.squareRoot() / root2 + epsilon
        }
        context.perElementRole = .denominator
        context.report(state.firstMoment, on: .firstMoment)
    }
}
