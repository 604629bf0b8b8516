/// One building block of an optimizer, as in optax: an `update` that turns the incoming updates
/// of one parameter into new updates, with explicit per-parameter `State`.
///
/// The chain starts with the updates equal to a copy of the parameter's gradient buffer.
/// `ScaleByLearningRate` holds the learning rate and the descent sign, and the optimizer then
/// applies `p ← p + s·u` (fused, as PyTorch's `add_(u, alpha=s)`), with `s = context.applyScale`.
///
/// To round as the references do, a block may leave part of its step for the learning-rate
/// block: a scalar `stepFactor` and `stepDivisor` (Adam's `lr·√c₂/c₁`) and a per-element
/// `denominator`, which `ScaleByLearningRate` combines as PyTorch's `addcdiv_` does; where the
/// reference makes two `addcdiv_` calls with one denominator (NAdam), the first call's tensor
/// goes in `leadingTerm` with its own factor and divisor. AdaMod
/// bounds actual learning rates, so it takes `lr` itself and leaves per-element step sizes. Some
/// references work in place, and the context lets a block do the same: coupled weight decay may
/// write into the gradient buffer (`grad.add_(p, alpha=wd)`), decoupled weight decay and
/// Lookahead write the parameter itself, and DiffGrad's friction reads the raw buffer.
public protocol GradientTransformation {
    associatedtype State

    /// The state for a parameter before its first step.
    func makeState(for parameter: UnsafeBufferPointer<Double>) -> State

    /// Transforms `context.updates` in place for step `context.step`.
    func update(_ context: inout StepContext, state: inout State)

    /// Brings `state` up to date with this block's hyperparameters after a scheduler changed
    /// them between steps (the block was rebuilt from new settings; its state was kept). Only a
    /// block whose state caches something made from a hyperparameter, such as the powers of β₁
    /// that OneCycleLR's momentum cycling changes, needs it; the default does nothing.
    func rebind(_ state: inout State)
}

extension GradientTransformation {
    public func rebind(_ state: inout State) {}
}

/// What a transformation sees of one parameter during one step.
public struct StepContext {
    /// The step number t, from 1.
    public let step: Int
    /// The parameter's elements, updated in place by `apply` (and by decoupled weight decay).
    public let parameter: UnsafeMutableBufferPointer<Double>
    /// The parameter's gradient buffer as the backward pass left it. (Held by the parameter
    /// for the whole step, so the context takes no reference count of its own.)
    public unowned(unsafe) let gradient: GradientBuffer
    /// The updates being transformed; a copy of the gradient when the chain starts.
    public let updates: UnsafeMutableBufferPointer<Double>
    /// Where this parameter's elements start in the flattened list of all parameters' elements.
    public let elementOffset: Int
    /// Hears what the transformations report, when someone listens. (Held by the optimizer,
    /// and borrowed here: a retain per step would cost about as much as DiffGrad's friction.)
    private let observer: Unmanaged<StepObserver>?
    /// Which branch a rectified (RAdam-style) block took this step; others may depend on it.
    public var branch: UpdateBranch = .adaptive
    /// Scratch for a per-element vector left to `ScaleByLearningRate`: a denominator, or
    /// actual step sizes; `perElementRole` says which, if any.
    public let denominator: UnsafeMutableBufferPointer<Double>
    /// What `denominator` holds this step.
    public var perElementRole: PerElementRole = .none
    /// Scratch for the tensor of a first `addcdiv_` call, with `.denominatorAfterLeadingTerm`.
    public let leadingTerm: UnsafeMutableBufferPointer<Double>
    /// Scratch that takes the reports no one listens to.
    private let unheard: UnsafeMutableBufferPointer<Double>
    /// The first call's step size is `(leadingFactor·lr)/leadingDivisor`.
    public var leadingFactor = 1.0
    public var leadingDivisor = 1.0
    /// A scalar the step size is multiplied by before the division: `(stepFactor·lr)/stepDivisor`.
    public var stepFactor = 1.0
    /// A scalar the step size is divided by, e.g. Adam's bias correction `1 - β₁ᵗ`.
    public var stepDivisor = 1.0
    /// A scalar the finished step size is multiplied by: LAMB's trust ratio. The step size is
    /// `((stepFactor·lr)/stepDivisor)·stepMultiplier`.
    public var stepMultiplier = 1.0
    /// The scale `s` in the final `p ← p + s·u`.
    public var applyScale = 1.0

    public init(
        step: Int, parameter: UnsafeMutableBufferPointer<Double>, gradient: GradientBuffer,
        updates: UnsafeMutableBufferPointer<Double>, denominator: UnsafeMutableBufferPointer<Double>,
        leadingTerm: UnsafeMutableBufferPointer<Double>, unheard: UnsafeMutableBufferPointer<Double>, elementOffset: Int,
        observer: StepObserver?
    ) {
        self.denominator = denominator
        self.leadingTerm = leadingTerm
        self.unheard = unheard
        self.step = step
        self.parameter = parameter
        self.gradient = gradient
        self.updates = updates
        self.elementOffset = elementOffset
        self.observer = observer.map(Unmanaged.passUnretained)
    }

    /// Where this parameter's values of `channel` go this step (indexed like `updates`): the
    /// observer's slots, or scratch that no one reads when no one listens to the channel (so a
    /// reporting loop stores unconditionally). Look it up once per step, outside the loop.
    @inline(__always)
    public func channel(_ channel: ObserverChannel) -> UnsafeMutableBufferPointer<Double> {
        guard let heard = observer?._withUnsafeGuaranteedRef({ $0[channel] }) else { return unheard }
        return UnsafeMutableBufferPointer(start: heard.baseAddress! + elementOffset, count: updates.count)
    }

    /// Copies a state vector to `channel` when someone listens. Called after the element loop,
    /// so that a step nobody listens to pays one check.
    @inline(__always)
    public func report(_ values: StateVector, on channel: ObserverChannel) {
        guard let heard = observer?._withUnsafeGuaranteedRef({ $0[channel] }) else { return }
        for index in updates.indices { heard[elementOffset + index] = values[index] }
    }
}

/// What a block left in `StepContext.denominator` for `ScaleByLearningRate`.
public enum PerElementRole: Sendable {
    /// Nothing.
    case none
    /// A denominator d: the step is `((-η)·u)/d`.
    case denominator
    /// A denominator d that two `addcdiv_` calls share: first `p ← p + ((-η₀)·l)/d` with the
    /// leading term l, then the step `((-η)·u)/d`.
    case denominatorAfterLeadingTerm
    /// Actual step sizes s that already include the learning rate (AdaMod's bounded rates):
    /// the step is `-(s·u)`.
    case stepSizes
}

/// The branch a rectified Adam took: the adaptive step, its momentum-only warm-up, or no step.
public enum UpdateBranch: Sendable {
    /// The adaptive (second-moment) step; the usual case for every other optimizer.
    case adaptive
    /// RAdam's warm-up while the variance is not tractable: a step along the first moment only.
    case momentumOnly
    /// No step at all (lessw2020's rectified optimizers with `degenerated_to_sgd=false`).
    case skip
}

/// Two transformations applied one after the other: optax's `chain`.
public struct Chain<First: GradientTransformation, Second: GradientTransformation>: GradientTransformation {
    public let first: First
    public let second: Second

    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }

    public func makeState(for parameter: UnsafeBufferPointer<Double>) -> (First.State, Second.State) {
        (first.makeState(for: parameter), second.makeState(for: parameter))
    }

    @inline(__always)
    public func update(_ context: inout StepContext, state: inout (First.State, Second.State)) {
        first.update(&context, state: &state.0)
        second.update(&context, state: &state.1)
    }

    public func rebind(_ state: inout (First.State, Second.State)) {
        first.rebind(&state.0)
        second.rebind(&state.1)
    }
}

/// The transformations applied in order: optax's `chain`, as nested, statically typed `Chain`s.
public func chain<A, B>(_ a: A, _ b: B) -> Chain<A, B> { Chain(a, b) }

/// The transformations applied in order: optax's `chain`.
public func chain<A, B, C>(_ a: A, _ b: B, _ c: C) -> Chain<A, Chain<B, C>> { Chain(a, Chain(b, c)) }

/// The transformations applied in order: optax's `chain`.
public func chain<A, B, C, D>(_ a: A, _ b: B, _ c: C, _ d: D) -> Chain<A, Chain<B, Chain<C, D>>> {
    Chain(a, Chain(b, Chain(c, d)))
}

/// The transformations applied in order: optax's `chain`.
public func chain<A, B, C, D, E>(_ a: A, _ b: B, _ c: C, _ d: D, _ e: E) -> Chain<A, Chain<B, Chain<C, Chain<D, E>>>> {
    Chain(a, Chain(b, Chain(c, Chain(d, e))))
}
