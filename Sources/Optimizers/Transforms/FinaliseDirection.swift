/// Finishes the direction that earlier blocks left to `ScaleByLearningRate`, so that later
/// blocks can read and scale it (LAMB's trust ratio, LARS): `u ← u/d` for a pending
/// denominator d, and the pending scalar becomes one factor, `c = stepFactor/stepDivisor`, so
/// that the step size is `c·lr` (torch_optimizer's `lr * bias_correction`).
public struct FinaliseDirection: GradientTransformation {
    public init() {}

    public func makeState(for parameter: UnsafeBufferPointer<Double>) {}

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout Void) {
        precondition(context.perElementRole != .stepSizes, "actual step sizes already hold lr; there is no direction to finish")
        if context.perElementRole == .denominator {
            let updates = context.updates, denominator = context.denominator
            for index in updates.indices { updates[index] /= denominator[index] }
            context.perElementRole = .none
        }
        context.stepFactor /= context.stepDivisor
        context.stepDivisor = 1
    }
}
