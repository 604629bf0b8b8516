import Foundation

/// AdaBelief (torch_optimizer `AdaBelief`): `m ← β₁·m + (1-β₁)·g`,
/// `s ← β₂·s + (1-β₂)·(g - m)²`, then `s ← s + ε` *stored* (the reference adds ε in place),
/// AMSGrad `ŝ ← max(ŝ, s)` then `ŝ ← ŝ + ε` stored, `d = √s/√(1-β₂ᵗ) + ε`.
/// Plain: `u = m/(1-β₁ᵗ)/d`. Rectified: RAdam's `r` with `ρₜ > 4`, `u = r·m/(1-β₁ᵗ)/d`,
/// else `u = m` (the reference's SGD-style step, without bias correction).
public struct ScaleByAdaBelief: GradientTransformation {
    public struct State {
        let firstMoment: StateVector
        let variance: StateVector
        let maximumVariance: StateVector?
        /// β₁ᵗ and β₂ᵗ.
        var beta1Powers: StepPowers
        var beta2Powers: StepPowers
    }

    public let beta1: Double
    public let beta2: Double
    public let epsilon: Double
    public let amsgrad: Bool
    public let rectify: Bool

    public init(beta1: Double, beta2: Double, epsilon: Double, amsgrad: Bool, rectify: Bool) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
        self.rectify = rectify
    }

    /// β₁ changed (a scheduler's momentum cycling): the bias correction uses the new β₁ᵗ, as
    /// the reference's `1 - beta1 ** step` does.
    public func rebind(_ state: inout State) {
        state.beta1Powers = state.beta1Powers.rebased(beta1)
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(
            firstMoment: StateVector(count: parameter.count), variance: StateVector(count: parameter.count),
            maximumVariance: amsgrad ? StateVector(count: parameter.count) : nil,
            beta1Powers: StepPowers(base: beta1), beta2Powers: StepPowers(base: beta2))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let step = Double(context.step)
        let beta2Power = state.beta2Powers(context.step)
        let root2 = (1 - beta2Power).squareRoot()
        context.stepDivisor = 1 - state.beta1Powers(context.step)
        if rectify {
            let rhoInfinity = 2 / (1 - beta2) - 1
            let rho = rhoInfinity - 2 * step * beta2Power / (1 - beta2Power)
            if rho > 4 {
                let r = ((rho - 4) * (rho - 2) * rhoInfinity / (rhoInfinity - 4) / (rhoInfinity - 2) / rho).squareRoot()
                context.stepFactor = r
            } else {
                context.branch = .momentumOnly
                context.stepDivisor = 1
            }
        }
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let first = addScaled(state.firstMoment[index] * beta1, 1 - beta1, gradient)
            state.firstMoment[index] = first
            let residual = gradient - first
            var variance = addcmul(state.variance[index] * beta2, 1 - beta2, residual, residual)
            if let maximum = state.maximumVariance {
                state.variance[index] = variance
                variance = Swift.max(maximum[index], variance) + epsilon
                maximum[index] = variance
            } else {
                variance += epsilon
                state.variance[index] = variance
            }
            updates[index] = first
            context.denominator[index] = variance.squareRoot() / root2 + epsilon
        }
        context.perElementRole = context.branch != .momentumOnly ? .denominator : .none
        context.report(state.firstMoment, on: .firstMoment)
    }
}
