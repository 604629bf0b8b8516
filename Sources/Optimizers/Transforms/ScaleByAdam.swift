import Foundation

/// Adam's moments: `m ← β₁·m + (1-β₁)·g`, `v ← β₂·v + (1-β₂)·g²` (AMSGrad: `v̂ ← max(v̂, v)`),
/// with bias corrections `c₁ = 1-β₁ᵗ`, `c₂ = 1-β₂ᵗ` and ε where the reference puts it:
/// - `.afterBiasCorrection` (`torch.optim.Adam`, which writes m as `lerp`): `u = (m/c₁) / (√v/√c₂ + ε)`;
/// - `.beforeBiasCorrection` (the Adam paper's code, diffGrad): `u = (√c₂/c₁) · m / (√v + ε)`,
///   or `u = m / (√v + ε)` without `biasCorrection` (LAMB's paper v3).
/// The scalar and the denominator are left to `ScaleByLearningRate`, which rounds as `addcdiv_`.
/// m goes to the observer's `firstMoment` channel.
public struct ScaleByAdam: GradientTransformation {
    /// Where ε enters the denominator.
    public enum EpsilonPlacement: Sendable {
        case afterBiasCorrection
        case beforeBiasCorrection
    }

    public struct State {
        let firstMoment: StateVector
        let secondMoment: StateVector
        let maximumSecondMoment: StateVector?
        /// β₁ᵗ.
        var beta1Powers: StepPowers
        /// β₂ᵗ, or `(1-β₂ᵗ)^0.5` where ε comes after the bias correction.
        var beta2Powers: StepPowers
    }

    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let amsgrad: Bool
    public let epsilonPlacement: EpsilonPlacement
    /// Whether `.beforeBiasCorrection` scales the step by `√c₂/c₁`.
    public let biasCorrection: Bool

    public init(
        beta1: Double, beta2: Double, epsilon: Double, amsgrad: Bool = false, epsilonPlacement: EpsilonPlacement,
        biasCorrection: Bool = true
    ) {
        self.biasCorrection = biasCorrection
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
        self.epsilonPlacement = epsilonPlacement
    }

    /// β₁ changed (a scheduler's momentum cycling): the bias correction uses the new β₁ᵗ, as
    /// the reference's `1 - beta1 ** step` does.
    public func rebind(_ state: inout State) {
        state.beta1Powers = state.beta1Powers.rebased(beta1)
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(
            firstMoment: StateVector(count: parameter.count), secondMoment: StateVector(count: parameter.count),
            maximumSecondMoment: amsgrad ? StateVector(count: parameter.count) : nil,
            beta1Powers: StepPowers(base: beta1),
            beta2Powers: StepPowers(base: beta2, quantity: epsilonPlacement == .afterBiasCorrection ? .rootOfComplement : .power))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        if biasCorrection { context.stepDivisor = 1 - state.beta1Powers(context.step) }
        let updates = context.updates, denominator = context.denominator
        let m = state.firstMoment, v = state.secondMoment
        switch epsilonPlacement {
        case .afterBiasCorrection:
            let root2 = state.beta2Powers(context.step)
            for index in updates.indices {
                let gradient = updates[index]
                let first = lerp(m[index], gradient, 1 - beta1)
                m[index] = first
                var second = addcmul(v[index] * beta2, 1 - beta2, gradient, gradient)
                v[index] = second
                if let maximum = state.maximumSecondMoment {
                    second = Swift.max(maximum[index], second)
                    maximum[index] = second
                }
                updates[index] = first
                denominator[index] = second.squareRoot() / root2 + epsilon
            }
        case .beforeBiasCorrection:
            if biasCorrection { context.stepFactor = (1 - state.beta2Powers(context.step)).squareRoot() }
            for index in updates.indices {
                let gradient = updates[index]
                let first = addScaled(m[index] * beta1, 1 - beta1, gradient)
                m[index] = first
                var second = addcmul(v[index] * beta2, 1 - beta2, gradient, gradient)
                v[index] = second
                if let maximum = state.maximumSecondMoment {
                    second = Swift.max(maximum[index], second)
                    maximum[index] = second
                }
                updates[index] = first
                denominator[index] = second.squareRoot() + epsilon
            }
        }
        context.perElementRole = .denominator
        context.report(m, on: .firstMoment)
    }
}
