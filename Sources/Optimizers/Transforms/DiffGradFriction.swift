import Foundation

/// DiffGrad's friction: ξ from the current gradient g (the parameter's raw gradient buffer) and
/// the previous gradient g' that the state holds, then `u ← ξ · u`:
/// - version 0: `ξ = σ(|g' - g|)`, with σ(x) = 1/(1+e⁻ˣ), in (0.5, 1);
/// - version 1: `ξ = σ(g' - g)`, in (0, 1);
/// - version 2: `ξ = 9·σ(½|g' - g|) - 4`, in (0.5, 5).
///
/// After reading, the state keeps the current gradient as the next step's g':
/// `clone = false` keeps a *reference* to the gradient buffer (`previous_grad = grad`, as
/// published), `clone = true` keeps a copy (`grad.clone()`). When the buffer is zeroed and
/// refilled in place, the reference sees the new gradient, so g' = g and ξ = σ(0) = 0.5 from
/// the second step on. Nothing here decides that: it follows from whose storage is read.
///
/// ξ multiplies only adaptive steps: lessw2020's `diff_rgrad.py` applies it in the rectified
/// branch only. Every step still reads and stores the gradient, and reports g' and ξ on the
/// observer's `previousGradient` and `friction` channels.
public struct DiffGradFriction: GradientTransformation {
    /// The form of ξ, 0, 1 or 2.
    public enum Version: Int, Sendable, CaseIterable {
        case absoluteSigmoid = 0
        case signedSigmoid = 1
        case scaledSigmoid = 2
    }

    public struct State {
        /// The tensor that will be read as g' on the next step: the state's own copy with
        /// `clone = true`, the parameter's gradient buffer (after the first step) without.
        var previous: GradientBuffer
    }

    public let version: Version
    /// Whether the previous gradient is a copy (true) or a reference to the buffer (false).
    public let clone: Bool

    public init(version: Version, clone: Bool) {
        self.version = version
        self.clone = clone
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(previous: GradientBuffer(zeros: parameter.count))
    }

    /// ξ for one element.
    @inline(__always)
    public func friction(previous: Double, current: Double) -> Double {
        switch version {
        case .absoluteSigmoid: 1 / (1 + exp(-abs(previous - current)))
        case .signedSigmoid: 1 / (1 + exp(-(previous - current)))
        case .scaledSigmoid: 9 / (1 + exp(-(0.5 * abs(previous - current)))) - 4
        }
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout State) {
        let current = context.gradient.storage, previous = state.previous.storage
        let updates = context.updates
        let scales = context.branch == .adaptive
        let heardPrevious = context.channel(.previousGradient), heardFriction = context.channel(.friction)
        for index in updates.indices {
            let gradient = current[index]
            let xi = friction(previous: previous[index], current: gradient)
            heardPrevious[index] = previous[index]
            heardFriction[index] = xi
            if scales { updates[index] *= xi }
            // `previous.copy_(grad)`, element by element once it has been read.
            if clone { previous[index] = gradient }
        }
        if !clone { state.previous = context.gradient }
    }
}
