/// Decoupled weight decay (AdamW): `p ← p - rate · p`, applied to the parameter itself, where
/// `rate` is usually `lr · wd`. Does nothing on a step a rectified block skips.
public struct DecayParameters: GradientTransformation {
    /// How the reference writes it (the two round differently).
    public enum Form: Sendable {
        /// `p.mul_(1 - rate)`: torch.optim, AdaBelief, Lion.
        case multiply
        /// `p.add_(p, alpha=-rate)`: AdaMod and lessw2020's optimizers.
        case subtract
    }

    /// The fraction of the parameter removed per step, >= 0; 0 does nothing.
    public let rate: Double
    public let form: Form

    public init(rate: Double, form: Form = .multiply) {
        self.rate = rate
        self.form = form
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) {}

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout Void) {
        guard rate != 0, context.branch != .skip else { return }
        let parameter = context.parameter
        switch form {
        case .multiply: for index in parameter.indices { parameter[index] *= 1 - rate }
        case .subtract: for index in parameter.indices { parameter[index] = addScaled(parameter[index], -rate, parameter[index]) }
        }
    }
}
