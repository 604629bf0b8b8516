/// An optimizer bound to its parameters, as a `torch.optim.Optimizer` instance is: it keeps
/// per-parameter state and, on `step()`, reads each parameter's gradient buffer and moves the
/// parameter. Parameters without a gradient buffer are skipped, as PyTorch skips them. One
/// whose step evaluates f and ∇f again (LBFGS) `needsClosure` and takes `step(closure:)`.
public final class Optimizer {
    /// The parameters, in the order their state was created.
    public let parameters: [Parameter]
    /// The number of steps taken.
    @exclusivity(unchecked) public private(set) var stepCount = 0
    private let stepParameters: (Int) -> Void
    /// The step of an optimizer that re-evaluates f and ∇f itself.
    private let closureStepper: (any ClosureStepper)?
    /// Whether a step needs `step(closure:)`.
    public let needsClosure: Bool
    /// The settings the recipe was last built from: PyTorch's `param_group` values.
    public private(set) var settings: OptimizerSettings?
    /// Rebuilds the recipe from new settings, keeping the state.
    private let rebuild: ((OptimizerSettings) -> Void)?

    /// An optimizer that runs `transformation` on each parameter, then adds the updates to it.
    /// `observer` (with one slot per element of all parameters) hears what the transformations
    /// report on its channels, e.g. DiffGrad's g(t-1) and ξ.
    public convenience init<Transformation: GradientTransformation>(
        _ transformation: Transformation, parameters: [Parameter], observer: StepObserver? = nil
    ) {
        let engine = TransformationEngine(transformation, parameters: parameters, observer: observer)
        self.init(parameters: parameters, settings: nil, stepParameters: { engine.step($0) }, rebuild: nil)
    }

    /// An optimizer whose step calls a closure that re-evaluates f and ∇f.
    public init(parameters: [Parameter], closureStepper: any ClosureStepper) {
        self.parameters = parameters
        self.closureStepper = closureStepper
        needsClosure = true
        settings = nil
        rebuild = nil
        stepParameters = { _ in preconditionFailure("this optimizer steps with a closure: call step(closure:)") }
    }

    /// An optimizer whose transformation `recipe` makes from `settings`, and makes again when
    /// `setGroupValues` changes them between steps.
    convenience init<Transformation: GradientTransformation>(
        recipe: @escaping (OptimizerSettings) -> Transformation, settings: OptimizerSettings, parameters: [Parameter],
        observer: StepObserver?
    ) {
        let engine = TransformationEngine(recipe(settings), parameters: parameters, observer: observer)
        self.init(
            parameters: parameters, settings: settings, stepParameters: { engine.step($0) },
            rebuild: { engine.rebind(to: recipe($0)) })
    }

    private init(
        parameters: [Parameter], settings: OptimizerSettings?, stepParameters: @escaping (Int) -> Void,
        rebuild: ((OptimizerSettings) -> Void)?
    ) {
        self.parameters = parameters
        self.settings = settings
        self.stepParameters = stepParameters
        self.rebuild = rebuild
        closureStepper = nil
        needsClosure = false
    }

    /// One optimizer step with a closure: `optimizer.step(closure)`. The closure clears the
    /// gradients, evaluates f at the parameters' current values, fills their gradient buffers
    /// (`loss.backward()`) and returns f. An optimizer that does not need one calls it once
    /// first, as PyTorch's do, then steps.
    public func step(closure: () -> Double) {
        stepCount += 1
        if let closureStepper {
            closureStepper.step(parameters, closure: closure)
        } else {
            _ = closure()
            stepParameters(stepCount)
        }
    }

    /// The current value of a group value such as `lr`, `momentum` or `beta1`; nil when the
    /// optimizer does not take it (or was built from a bare transformation or steps with a
    /// closure).
    public func groupValue(_ key: OptionKey<Double>) -> Double? {
        settings?.value(key)
    }

    /// Sets group values between steps, as a scheduler writes `param_group["lr"]`: the recipe
    /// is made again from the new settings (so every use of lr, such as AdamW's decay `lr·λ`,
    /// sees it) and the state is kept. Nothing happens when no value changes, so the step
    /// itself costs the same with or without a scheduler.
    public func setGroupValues(_ values: [(key: OptionKey<Double>, value: Double)]) {
        guard let rebuild, let current = settings else { return }
        let changed = current.setting(values)
        guard changed != current else { return }
        settings = changed
        rebuild(changed)
    }

    /// One optimizer step: `optimizer.step()`.
    public func step() {
        stepCount += 1
        stepParameters(stepCount)
    }

    /// Clears every parameter's gradient: `optimizer.zero_grad(set_to_none:)`.
    public func zeroGrad(_ mode: ZeroGradMode) {
        parameters.forEachBorrowed { _, parameter in parameter.zeroGrad(mode) }
    }
}

/// The per-parameter state of one transformation and the loop that applies it.
///
/// Generic over the concrete transformation so that each recipe's step compiles to straight-line
/// code; `Optimizer` erases the type once, behind a single call per step.
final class TransformationEngine<Transformation: GradientTransformation> {
    private(set) var transformation: Transformation
    let parameters: [Parameter]
    let offsets: [Int]
    let states: UnsafeMutableBufferPointer<Transformation.State>
    let updates: UnsafeMutableBufferPointer<Double>
    let denominator: UnsafeMutableBufferPointer<Double>
    let leadingTerm: UnsafeMutableBufferPointer<Double>
    let unheard: UnsafeMutableBufferPointer<Double>
    let observer: StepObserver?

    init(_ transformation: Transformation, parameters: [Parameter], observer: StepObserver?) {
        self.transformation = transformation
        self.parameters = parameters
        self.observer = observer
        var offsets: [Int] = []
        var total = 0
        for parameter in parameters {
            offsets.append(total)
            total += parameter.count
        }
        self.offsets = offsets
        let states = UnsafeMutableBufferPointer<Transformation.State>.allocate(capacity: parameters.count)
        for (index, parameter) in parameters.enumerated() {
            (states.baseAddress! + index).initialize(to: transformation.makeState(for: UnsafeBufferPointer(parameter.storage)))
        }
        self.states = states
        updates = .allocate(capacity: parameters.map(\.count).max() ?? 0)
        denominator = .allocate(capacity: parameters.map(\.count).max() ?? 0)
        leadingTerm = .allocate(capacity: parameters.map(\.count).max() ?? 0)
        unheard = .allocate(capacity: parameters.map(\.count).max() ?? 0)
    }

    deinit {
        states.deinitialize()
        states.deallocate()
        updates.deallocate()
        denominator.deallocate()
        leadingTerm.deallocate()
        unheard.deallocate()
    }

    /// Replaces the transformation by one made from changed hyperparameters, keeping the state.
    func rebind(to transformation: Transformation) {
        self.transformation = transformation
        for index in states.indices { transformation.rebind(&states[index]) }
    }

    func step(_ step: Int) {
        parameters.forEachBorrowed { index, parameter in
            parameter.withBorrowedGrad { gradient in
                // A 2-D point is the common case: with its count a constant, the transforms'
                // passes over the elements unroll into straight-line code (no trip-count or
                // aliasing checks of a vectorised loop). Same code, same results.
                if parameter.count == 2 {
                    self.step(parameter, index: index, gradient: gradient, step: step, count: 2)
                } else {
                    self.step(parameter, index: index, gradient: gradient, step: step, count: parameter.count)
                }
            }
        }
    }

    @inline(__always)
    private func step(_ parameter: Parameter, index: Int, gradient: GradientBuffer, step: Int, count: Int) {
        let values = UnsafeMutableBufferPointer(start: parameter.storage.baseAddress, count: count)
        let updates = UnsafeMutableBufferPointer(start: self.updates.baseAddress, count: count)
        for element in updates.indices { updates[element] = gradient.storage[element] }
        let denominator = UnsafeMutableBufferPointer(start: self.denominator.baseAddress, count: count)
        let leadingTerm = UnsafeMutableBufferPointer(start: self.leadingTerm.baseAddress, count: count)
        let unheard = UnsafeMutableBufferPointer(start: self.unheard.baseAddress, count: count)
        var context = StepContext(
            step: step, parameter: values, gradient: gradient, updates: updates, denominator: denominator, leadingTerm: leadingTerm, unheard: unheard,
            elementOffset: offsets[index], observer: observer)
        transformation.update(&context, state: &states[index])
        let scale = context.applyScale
        for element in values.indices { values[element] = addScaled(values[element], scale, updates[element]) }
    }
}
