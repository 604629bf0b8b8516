import Foundation

/// NAdam (`torch.optim.NAdam`): momentum schedule `μₜ = β₁(1 - ½·0.96^(t·ψ))`, `Πₜ = ∏ μ`,
/// `m ← lerp(m, g, 1-β₁)`, `v ← β₂·v + (1-β₂)·g²`, `d = √(v/(1-β₂ᵗ)) + ε`, and the step
/// `(1-μₜ)/(1-Πₜ) · g/d + μₜ₊₁/(1-Πₜ·μₜ₊₁) · m/d` times -lr. PyTorch makes it two `addcdiv_`
/// calls on the parameter, lr folded into each value, so this block leaves g as the leading
/// term and m as the updates, with d shared; summing the two terms first rounds differently
/// (1 ulp at step 2 on Rosenbrock, 1e-2 by step 200).
public struct ScaleByNAdam: GradientTransformation {
    public struct State {
        let firstMoment: StateVector
        let secondMoment: StateVector
        var momentumProduct: Double
        /// β₂ᵗ and 0.96^(t·ψ).
        var beta2Powers: StepPowers
        var momentumPowers: StepPowers
    }

    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    /// ψ, the momentum decay.
    public let momentumDecay: Double

    public init(beta1: Double, beta2: Double, epsilon: Double, momentumDecay: Double) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.momentumDecay = momentumDecay
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(firstMoment: StateVector(count: parameter.count), secondMoment: StateVector(count: parameter.count), momentumProduct: 1,
            beta2Powers: StepPowers(base: beta2), momentumPowers: StepPowers(base: 0.96, exponentScale: momentumDecay))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let correction2 = 1 - state.beta2Powers(context.step)
        let mu = beta1 * (1 - 0.5 * state.momentumPowers(context.step))
        let muNext = beta1 * (1 - 0.5 * state.momentumPowers(context.step + 1))
        state.momentumProduct *= mu
        let product = state.momentumProduct
        context.leadingFactor = 1 - mu
        context.leadingDivisor = 1 - product
        context.stepFactor = muNext
        context.stepDivisor = 1 - product * muNext
        let updates = context.updates, denominator = context.denominator, leading = context.leadingTerm
        for index in updates.indices {
            let gradient = updates[index]
            let first = lerp(state.firstMoment[index], gradient, 1 - beta1)
            state.firstMoment[index] = first
            let second = addcmul(state.secondMoment[index] * beta2, 1 - beta2, gradient, gradient)
            state.secondMoment[index] = second
            leading[index] = gradient
            updates[index] = first
            denominator[index] = (second / correction2).squareRoot() + epsilon
        }
        context.perElementRole = .denominatorAfterLeadingTerm
        context.report(state.firstMoment, on: .firstMoment)
    }
}
