import Foundation

/// Adamax (`torch.optim.Adamax`): `m ← lerp(m, g, 1-β₁)`, `w ← max(β₂·w, |g| + ε)`,
/// `u = m / w / (1-β₁ᵗ)`.
public struct ScaleByAdamax: GradientTransformation {
    public struct State {
        let firstMoment: StateVector
        let infinityNorm: StateVector
        /// β₁ᵗ.
        var beta1Powers: StepPowers
    }

    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double

    public init(beta1: Double, beta2: Double, epsilon: Double) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// β₁ changed (a scheduler's momentum cycling): the bias correction uses the new β₁ᵗ, as
    /// the reference's `1 - beta1 ** step` does.
    public func rebind(_ state: inout State) {
        state.beta1Powers = state.beta1Powers.rebased(beta1)
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(
            firstMoment: StateVector(count: parameter.count), infinityNorm: StateVector(count: parameter.count),
            beta1Powers: StepPowers(base: beta1))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        context.stepDivisor = 1 - state.beta1Powers(context.step)
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let first = lerp(state.firstMoment[index], gradient, 1 - beta1)
            state.firstMoment[index] = first
            let norm = Swift.max(state.infinityNorm[index] * beta2, abs(gradient) + epsilon)
            state.infinityNorm[index] = norm
            updates[index] = first
            context.denominator[index] = norm
        }
        context.perElementRole = .denominator
        context.report(state.firstMoment, on: .firstMoment)
    }
}
