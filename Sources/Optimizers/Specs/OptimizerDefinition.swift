/// Everything about one optimizer, in one place: its name, the reference it reproduces, its
/// options with defaults and ranges, its family tags, what kind of step it needs, the interval a
/// learning-rate search explores, the channels it reports, and the recipe that builds it.
///
/// A recipe is a chain of transformations made from the resolved settings, read by typed keys
/// (`settings[.lr]`); the definition binds it to the parameters once, for every optimizer.
public struct OptimizerDefinition: Sendable {
    /// The bare name: the reference's lowercase class name (torch.optim, torch_optimizer), its
    /// registry name (pytorch_optimizer), or the name TrajViz has always given it.
    public let name: String
    public let reference: OptimizerReference
    /// Tags for the gallery's overlays and the index's filter.
    public let families: [OptimizerFamily]
    public let stepKind: StepKind
    /// The natural logarithms of the smallest and largest learning rate a search tries.
    public let learningRateSearch: ClosedRange<Double>
    /// What the optimizer reports at each step, for a trajectory to record.
    public let channels: [ObserverChannel]
    /// The options, in the order a canonical spec lists them.
    public let options: [OptimizerOption]
    /// Checks that span several options; returns a message when the combination is invalid.
    let check: @Sendable (OptimizerSettings) -> String?
    /// Builds the optimizer for its parameters, with an observer of its channels.
    let build: @Sendable (OptimizerSettings, [Parameter], StepObserver?) -> Optimizer

    init<Recipe: GradientTransformation & SendableMetatype>(
        _ name: String, _ reference: OptimizerReference, families: [OptimizerFamily], stepKind: StepKind = .gradient,
        search learningRateSearch: ClosedRange<Double>, channels: [ObserverChannel] = [], options: [OptimizerOption],
        check: @escaping @Sendable (OptimizerSettings) -> String? = { _ in nil },
        recipe: @escaping @Sendable (OptimizerSettings) -> Recipe
    ) {
        self.name = name
        self.reference = reference
        self.families = families
        self.stepKind = stepKind
        self.learningRateSearch = learningRateSearch
        self.channels = channels
        self.options = options
        self.check = check
        build = { settings, parameters, observer in
            Optimizer(recipe: recipe, settings: settings, parameters: parameters, observer: observer)
        }
    }

    /// `name@package` for a package's class; the bare name for a repository's.
    public var qualifiedName: String {
        reference.package.map { "\(name)@\($0.rawValue)" } ?? name
    }

    /// A definition whose step re-evaluates f and ∇f through a closure (`StepKind.closure`):
    /// `stepper` makes the step's state for the parameters.
    init(
        _ name: String, _ reference: OptimizerReference, families: [OptimizerFamily], search learningRateSearch: ClosedRange<Double>,
        options: [OptimizerOption], check: @escaping @Sendable (OptimizerSettings) -> String? = { _ in nil },
        stepper: @escaping @Sendable (OptimizerSettings, [Parameter]) -> any ClosureStepper
    ) {
        self.name = name
        self.reference = reference
        self.families = families
        stepKind = .closure
        self.learningRateSearch = learningRateSearch
        channels = []
        self.options = options
        self.check = check
        build = { settings, parameters, _ in Optimizer(parameters: parameters, closureStepper: stepper(settings, parameters)) }
    }

    /// The name a canonical spec uses: the bare name when the bare name picks this definition,
    /// else `name@package`.
    public var specName: String {
        OptimizerCatalog.definition(named: name)?.qualifiedName == qualifiedName ? name : qualifiedName
    }

    /// Whether it has DiffGrad's friction (and so a previous gradient and ξ to report).
    public var hasFriction: Bool { channels.contains(.friction) }

    /// The option called `key`, if any.
    public func option(_ key: String) -> OptimizerOption? {
        options.first { $0.key == key }
    }
}

/// Every option of one optimizer resolved: the given value, or the default.
public struct OptimizerSettings: Sendable, Equatable {
    let values: [String: OptionValue]

    /// The value of `key` as a real number, if the optimizer takes it.
    public func value(_ key: OptionKey<Double>) -> Double? {
        values[key.name].flatMap(Double.init(option:))
    }

    /// These settings with the given real values replaced; keys the optimizer does not take are
    /// ignored.
    func setting(_ changes: [(key: OptionKey<Double>, value: Double)]) -> OptimizerSettings {
        var values = self.values
        for change in changes where values[change.key.name] != nil { values[change.key.name] = .real(change.value) }
        return OptimizerSettings(values: values)
    }

    /// The value of `key`. Reading a key that the definition does not declare is a mistake in
    /// its recipe, which `OptimizerSpecTests` finds by building every definition.
    public subscript<Value>(key: OptionKey<Value>) -> Value {
        guard let stored = values[key.name], let value = Value(option: stored) else {
            preconditionFailure("the recipe reads '\(key.name)' as \(Value.self), which its definition does not declare")
        }
        return value
    }
}
