/// Leaves the updates as they are: `optax.identity`, the neutral element of `chain`.
public struct Identity: GradientTransformation {
    public init() {}

    public func makeState(for parameter: UnsafeBufferPointer<Double>) {}

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout Void) {}
}
