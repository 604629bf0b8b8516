/// A named optimizer: its options in canonical order, the implementation it reproduces, and the
/// recipe that builds it from resolved settings.
public struct OptimizerDefinition: Sendable {
    /// The spec name, e.g. `adam`.
    public let name: String
    /// The implementation whose trajectories it reproduces, e.g. `torch.optim.Adam (PyTorch 2.x)`.
    public let reference: String
    /// The options, in the order a canonical spec lists them.
    public let options: [OptimizerOption]
    /// Whether it has DiffGrad's friction (and so a previous gradient and ξ to report).
    public let hasFriction: Bool
    /// Checks that span several options; returns a message when the combination is invalid.
    let check: @Sendable (OptimizerSettings) -> String?
    /// Builds the optimizer for `parameters`.
    let build: @Sendable (OptimizerSettings, [Parameter], FrictionProbe?) -> Optimizer

    init(
        _ name: String, reference: String, hasFriction: Bool = false, options: [OptimizerOption],
        check: @escaping @Sendable (OptimizerSettings) -> String? = { _ in nil },
        build: @escaping @Sendable (OptimizerSettings, [Parameter], FrictionProbe?) -> Optimizer
    ) {
        self.name = name
        self.reference = reference
        self.hasFriction = hasFriction
        self.options = options
        self.check = check
        self.build = build
    }

    /// The option called `key`, if any.
    public func option(_ key: String) -> OptimizerOption? {
        options.first { $0.key == key }
    }
}

/// Every option of one optimizer resolved: the given value, or the default.
public struct OptimizerSettings: Sendable {
    let values: [String: OptionValue]

    /// The real value of `key` (an integer default reads as a real too).
    public func real(_ key: String) -> Double {
        switch values[key] {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: preconditionFailure("no real option '\(key)'")
        }
    }

    public func integer(_ key: String) -> Int {
        guard case .integer(let value) = values[key] else { preconditionFailure("no integer option '\(key)'") }
        return value
    }

    public func boolean(_ key: String) -> Bool {
        guard case .boolean(let value) = values[key] else { preconditionFailure("no boolean option '\(key)'") }
        return value
    }
}
