/// RMSprop (`torch.optim.RMSprop`): `v ← α·v + (1-α)·g²`; centred: `ḡ ← lerp(ḡ, g, 1-α)`,
/// `d = √(v - ḡ²) + ε`, else `d = √v + ε`; with momentum μ > 0: `b ← μ·b + g/d`, `u = b`,
/// else `u = g/d`.
public struct ScaleByRMSprop: GradientTransformation {
    public struct State {
        let squareAverage: StateVector
        let gradientAverage: StateVector
        let momentumBuffer: StateVector
    }

    /// α, the smoothing constant in [0, 1).
    public let alpha: Double
    public let epsilon: Double
    public let momentum: Double
    public let centered: Bool

    public init(alpha: Double, epsilon: Double, momentum: Double, centered: Bool) {
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.centered = centered
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(
            squareAverage: StateVector(count: parameter.count), gradientAverage: StateVector(count: parameter.count),
            momentumBuffer: StateVector(count: parameter.count))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let square = addcmul(state.squareAverage[index] * alpha, 1 - alpha, gradient, gradient)
            state.squareAverage[index] = square
            var average: Double
            if centered {
                let mean = lerp(state.gradientAverage[index], gradient, 1 - alpha)
                state.gradientAverage[index] = mean
                average = addcmul(square, -1, mean, mean).squareRoot()
            } else {
                average = square.squareRoot()
            }
            average += epsilon
            if momentum > 0 {
                let velocity = state.momentumBuffer[index] * momentum + gradient / average
                state.momentumBuffer[index] = velocity
                updates[index] = velocity
            } else {
                context.denominator[index] = average
            }
        }
        context.hasDenominator = momentum <= 0
    }
}
