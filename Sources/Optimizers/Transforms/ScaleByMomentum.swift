/// SGD's momentum (`torch.optim.SGD`): `b ← g` on the first step, then `b ← μ·b + (1-τ)·g`;
/// the update is `g + μ·b` with Nesterov, else `b`. `μ = 0` leaves the updates alone. b goes to
/// the observer's `firstMoment` channel.
public struct ScaleByMomentum: GradientTransformation {
    /// μ >= 0.
    public let momentum: Double
    /// τ, the dampening, >= 0.
    public let dampening: Double
    public let nesterov: Bool

    public init(momentum: Double, dampening: Double, nesterov: Bool) {
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> StateVector {
        StateVector(count: parameter.count)
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state buffer: inout StateVector) {
        guard momentum != 0 else { return }
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let velocity = context.step == 1 ? gradient : addScaled(buffer[index] * momentum, 1 - dampening, gradient)
            buffer[index] = velocity
            updates[index] = nesterov ? addScaled(gradient, momentum, velocity) : velocity
        }
        context.report(buffer, on: .firstMoment)
    }
}
