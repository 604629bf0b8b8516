/// The values of one optimizer parameter group that schedulers read and write, as PyTorch's
/// `param_group` dictionary holds them: `lr`, `initial_lr`, the momentum (`momentum`, or
/// `beta1` for the first of an Adam-style optimizer's `betas`), and the keys OneCycleLR and
/// CyclicLR store there (`max_lr`, `min_lr`, `max_momentum`, `base_momentum`).
///
/// Schedulers share it as they share the dictionary in PyTorch: a later scheduler reads what an
/// earlier one wrote, which is how SequentialLR and ChainedScheduler compose.
public final class ParameterGroup {
    /// The values by PyTorch's key.
    public private(set) var values: [String: Double]
    /// Counts the writes that changed a value: a reader that saw this revision has seen them all.
    public private(set) var revision = 0
    /// `beta1` when the optimizer takes `betas`, `momentum` when it takes momentum, else nil:
    /// where OneCycleLR and CyclicLR cycle the momentum (PyTorch's `use_beta1`).
    public let momentumKey: String?

    /// A group with learning rate `lr` and, if the optimizer has one, its momentum (or β₁).
    public init(lr: Double, momentum: (key: String, value: Double)?) {
        values = ["lr": lr]
        momentumKey = momentum?.key
        if let momentum { values[momentum.key] = momentum.value }
    }

    /// `param_group["lr"]`.
    public var lr: Double {
        get { values["lr"]! }
        set { self["lr"] = newValue }
    }

    /// The momentum (or β₁), when the optimizer has one.
    public var momentum: Double? { momentumKey.flatMap { values[$0] } }

    subscript(key: String) -> Double? {
        get { values[key] }
        set {
            guard values[key] != newValue else { return }
            values[key] = newValue
            revision += 1
        }
    }
}
