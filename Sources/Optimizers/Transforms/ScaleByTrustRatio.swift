/// LAMB's layer-wise trust ratio, per parameter tensor: `r = min(‖p‖, clamp) / ‖u‖` (1 when
/// either norm is 0, or when it does not `apply`: LAMB's `adam=True`), multiplied into the
/// step size. Place it after `FinaliseDirection`, so
/// that u is the finished direction. Norms are `torch.norm`'s: `√(Σ x²)` with each square
/// fused into the running sum, exact to PyTorch for a 2-D point and for `--param-layout split`.
public struct ScaleByTrustRatio: GradientTransformation {
    /// The largest weight norm used, >= 0 (torch_optimizer's `clamp_value`, 10).
    public let clamp: Double
    /// Whether the ratio scales the step at all.
    public let applies: Bool

    public init(clamp: Double, applies: Bool = true) {
        self.clamp = clamp
        self.applies = applies
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) {}

    /// `‖x‖₂` as `torch.norm` rounds it.
    @inline(__always)
    static func norm(_ values: UnsafeMutableBufferPointer<Double>) -> Double {
        var sum = 0.0
        for value in values { sum = sum.addingProduct(value, value) }
        return sum.squareRoot()
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout Void) {
        guard applies else { return }
        let weightNorm = Swift.min(Swift.max(Self.norm(context.parameter), 0), clamp)
        let directionNorm = Self.norm(context.updates)
        context.stepMultiplier *= weightNorm == 0 || directionNorm == 0 ? 1 : weightNorm / directionNorm
    }
}
