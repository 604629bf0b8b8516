/// Coupled weight decay (an L2 penalty): `u ← u + wd · p`.
///
/// `inPlace` also writes the sum into the parameter's gradient buffer, as the references that
/// call `grad.add_(p, alpha=wd)` do (diffGrad, AdaBelief, Lion); the others (`grad.add(p, ...)`
/// in `torch.optim`, Yogi) leave the buffer alone. Only later readers of the buffer can tell.
public struct AddWeightDecay: GradientTransformation {
    /// The decay, >= 0; 0 does nothing.
    public let weightDecay: Double
    /// Whether the decayed gradient is also written into the gradient buffer.
    public let inPlace: Bool

    public init(_ weightDecay: Double, inPlace: Bool) {
        self.weightDecay = weightDecay
        self.inPlace = inPlace
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) {}

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout Void) {
        guard weightDecay != 0 else { return }
        let updates = context.updates, parameter = context.parameter
        for index in updates.indices { updates[index] = addScaled(updates[index], weightDecay, parameter[index]) }
        if inPlace {
            let buffer = context.gradient.storage
            for index in updates.indices { buffer[index] = updates[index] }
        }
    }
}
