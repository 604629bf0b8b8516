import Foundation

/// Rectified Adam: `m ← lerp(m, g, 1-β₁)`, `v ← β₂·v + (1-β₂)·g²`, `ρ∞ = 2/(1-β₂) - 1`,
/// `ρₜ = ρ∞ - 2t·β₂ᵗ/(1-β₂ᵗ)`. While `ρₜ` is past the threshold the step is adaptive,
/// `u = r·√(1-β₂ᵗ)/(1-β₁ᵗ) · m/(√v + ε)` with `r = √((ρₜ-4)(ρₜ-2)ρ∞ / ((ρ∞-4)(ρ∞-2)ρₜ))`;
/// before that it is `u = m/(1-β₁ᵗ)` (momentum only), or no step at all when
/// `degeneratedToSGD` is false (lessw2020's option). Sets `context.branch` accordingly.
///
/// `torch.optim.RAdam` and Ranger use `ρₜ > 5`; lessw2020's `diff_rgrad.py` uses `ρₜ >= 5`.
public struct ScaleByRAdam: GradientTransformation {
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
    /// The ρₜ threshold, 5 in every reference.
    public let threshold: Double
    /// Whether `ρₜ == threshold` already takes the adaptive step.
    public let inclusiveThreshold: Bool
    public let degeneratedToSGD: Bool

    public init(
        beta1: Double, beta2: Double, epsilon: Double, threshold: Double = 5, inclusiveThreshold: Bool = false,
        degeneratedToSGD: Bool = true
    ) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.threshold = threshold
        self.inclusiveThreshold = inclusiveThreshold
        self.degeneratedToSGD = degeneratedToSGD
    }

    /// β₁ changed (a scheduler's momentum cycling): the bias correction uses the new β₁ᵗ, as
    /// the reference's `1 - beta1 ** step` does.
    public func rebind(_ state: inout State) {
        state.beta1Powers = state.beta1Powers.rebased(beta1)
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(
            firstMoment: StateVector(count: parameter.count), secondMoment: StateVector(count: parameter.count),
            beta1Powers: StepPowers(base: beta1), beta2Powers: StepPowers(base: beta2))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let step = Double(context.step)
        let beta2Power = state.beta2Powers(context.step)
        let correction1 = 1 - state.beta1Powers(context.step)
        let correction2 = 1 - beta2Power
        let rhoInfinity = 2 / (1 - beta2) - 1
        let rho = rhoInfinity - 2 * step * beta2Power / correction2
        let adaptive = inclusiveThreshold ? rho >= threshold : rho > threshold
        context.branch = adaptive ? .adaptive : (degeneratedToSGD ? .momentumOnly : .skip)
        let rectification = ((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot()
        let adaptiveScale = rectification * correction2.squareRoot() / correction1
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let first = lerp(state.firstMoment[index], gradient, 1 - beta1)
            state.firstMoment[index] = first
            let second = addcmul(state.secondMoment[index] * beta2, 1 - beta2, gradient, gradient)
            state.secondMoment[index] = second
            switch context.branch {
            case .adaptive: updates[index] = adaptiveScale * first / (second.squareRoot() + epsilon)
            case .momentumOnly: updates[index] = first / correction1
            case .skip: updates[index] = 0
            }
        }
        context.report(state.firstMoment, on: .firstMoment)
    }
}
