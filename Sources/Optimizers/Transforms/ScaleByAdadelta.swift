/// Adadelta (`torch.optim.Adadelta`): `v ← ρ·v + (1-ρ)·g²`,
/// `δ = √(a + ε) / √(v + ε) · g`, `a ← ρ·a + (1-ρ)·δ²`, `u = δ`.
public struct ScaleByAdadelta: GradientTransformation {
    public struct State {
        let squareAverage: StateVector
        let accumulatedDelta: StateVector
    }

    /// ρ in [0, 1].
    public let rho: Double
    public let epsilon: Double

    public init(rho: Double, epsilon: Double) {
        self.rho = rho
        self.epsilon = epsilon
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(squareAverage: StateVector(count: parameter.count), accumulatedDelta: StateVector(count: parameter.count))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let square = addcmul(state.squareAverage[index] * rho, 1 - rho, gradient, gradient)
            state.squareAverage[index] = square
            let std = (square + epsilon).squareRoot()
            let delta = (state.accumulatedDelta[index] + epsilon).squareRoot() / std * gradient
            state.accumulatedDelta[index] = addcmul(state.accumulatedDelta[index] * rho, 1 - rho, delta, delta)
            updates[index] = delta
        }
    }
}
