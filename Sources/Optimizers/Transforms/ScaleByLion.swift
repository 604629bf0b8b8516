/// Lion (pytorch_optimizer `Lion`): `u = sign(lerp(m, g, 1-β₁))`, then `m ← lerp(m, g, 1-β₂)`.
public struct ScaleByLion: GradientTransformation {
    public let beta1: Double
    public let beta2: Double

    public init(beta1: Double, beta2: Double) {
        self.beta1 = beta1
        self.beta2 = beta2
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> StateVector {
        StateVector(count: parameter.count)
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state moment: inout StateVector) {
        let updates = context.updates
        for index in updates.indices {
            let gradient = updates[index]
            let interpolated = lerp(moment[index], gradient, 1 - beta1)
            updates[index] = interpolated > 0 ? 1 : (interpolated < 0 ? -1 : 0)
            moment[index] = lerp(moment[index], gradient, 1 - beta2)
        }
        context.report(moment, on: .firstMoment)
    }
}
