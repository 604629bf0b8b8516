/// Lookahead: fast weights `f = p + s·u` from the inner chain; every k steps the slow weights
/// move `w ← w + α(f - w)` (written `α·f + (1-α)·w` by torch_optimizer) and the parameter is
/// set to them, as the references copy them in. Place it after `ScaleByLearningRate`.
public struct Lookahead: GradientTransformation {
    /// When the slow weights start and sync.
    public enum Schedule: Sendable {
        /// torch_optimizer `Lookahead`: syncs after steps 1, k+1, 2k+1, ...; the sync after
        /// step 1 sets the slow weights to the fast ones.
        case torchOptimizer
        /// lessw2020's Ranger: slow weights start as the parameter; syncs after steps k, 2k, ...
        case ranger
    }

    public struct State {
        let slow: StateVector
        var started: Bool
    }

    /// k >= 1, the sync period.
    public let k: Int
    /// α in [0, 1], the slow weights' step.
    public let alpha: Double
    public let schedule: Schedule

    public init(k: Int, alpha: Double, schedule: Schedule) {
        self.k = k
        self.alpha = alpha
        self.schedule = schedule
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(slow: StateVector(copying: parameter), started: schedule == .ranger)
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let syncs = schedule == .ranger ? context.step % k == 0 : (context.step - 1) % k == 0
        guard syncs else { return }
        let updates = context.updates, parameter = context.parameter, slow = state.slow
        let scale = context.applyScale
        for index in updates.indices {
            let fast = addScaled(parameter[index], scale, updates[index])
            if !state.started { slow[index] = fast }
            let moved: Double
            switch schedule {
            case .torchOptimizer: moved = addScaled(fast * alpha, 1 - alpha, slow[index])
            case .ranger: moved = addScaled(slow[index], alpha, fast - slow[index])
            }
            slow[index] = moved
            parameter[index] = moved
            updates[index] = 0
        }
        state.started = true
    }
}
