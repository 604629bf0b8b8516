/// A learning-rate scheduler as the user names it: torch.optim.lr_scheduler's class in
/// lowercase with PyTorch's keyword names, `cosineannealinglr(T_max=300, eta_min=0.001)`; lists
/// as `milestones=30;60`; `sequentiallr` and `chainedscheduler` take schedulers as arguments:
/// `sequentiallr(linearlr(start_factor=0.1, total_iters=20), cosineannealinglr(T_max=280), milestones=20)`.
///
/// Its `description` is canonical: the name, then the schedulers held, then the keys given, in
/// the order PyTorch's signature lists them.
public struct SchedulerSpec: Sendable, Equatable, CustomStringConvertible {
    /// The lowercased class name.
    public let name: String
    /// The options given explicitly, in canonical order.
    let given: [(key: String, value: SchedulerValue)]
    /// The schedulers a `sequentiallr` or `chainedscheduler` holds.
    public let children: [SchedulerSpec]

    public var description: String {
        let parts = children.map(\.description) + given.map { "\($0.key)=\($0.value)" }
        return parts.isEmpty ? name : name + "(" + parts.joined(separator: ", ") + ")"
    }

    public static func == (lhs: SchedulerSpec, rhs: SchedulerSpec) -> Bool { lhs.description == rhs.description }

    /// Parses and validates `text`.
    public init(parsing text: String) throws(SchedulerSpecError) {
        try self.init(SchedulerSyntax.parse(text), spec: text, isTop: true)
    }

    private init(_ syntax: SchedulerSyntax, spec text: String, isTop: Bool) throws(SchedulerSpecError) {
        func fail(_ message: String, column: Int) -> SchedulerSpecError {
            SchedulerSpecError(spec: text, "\(message) at column \(column)")
        }
        guard let kind = SchedulerKind.named(syntax.name) else {
            throw fail("unknown scheduler '\(syntax.name)'; known: " + SchedulerKind.all.map(\.name).joined(separator: ", "), column: syntax.column)
        }
        name = kind.name
        var values: [String: SchedulerValue] = [:]
        for argument in syntax.arguments {
            guard let option = kind.option(argument.key) else {
                let keys = kind.options.map(\.key)
                throw fail(
                    "\(kind.name) has no option '\(argument.key)'; "
                        + (keys.isEmpty ? "it takes only schedulers" : "it takes " + keys.joined(separator: ", ")),
                    column: argument.column)
            }
            guard values[option.key] == nil else { throw fail("\(option.key) is given twice; keep one", column: argument.column) }
            guard let value = option.parse(argument.values) else {
                throw fail("\(option.key) takes \(option.accepted), got '\(argument.values.joined(separator: ";"))'", column: argument.column)
            }
            values[option.key] = value
        }
        for option in kind.options where values[option.key] == nil && option.defaultValue == nil && option.key != "step_size_down" {
            throw fail("\(kind.name) needs \(option.key), e.g. \(kind.example)", column: syntax.column)
        }
        given = kind.options.compactMap { option in values[option.key].map { (option.key, $0) } }
        var children: [SchedulerSpec] = []
        for child in syntax.children {
            guard kind.isComposite else {
                throw fail("\(kind.name) takes no schedulers; only sequentiallr and chainedscheduler do", column: child.column)
            }
            let spec = try SchedulerSpec(child, spec: text, isTop: false)
            if spec.name == "reducelronplateau" {
                throw fail("\(kind.name) cannot hold reducelronplateau (PyTorch refuses it: its step needs the loss); use it alone", column: child.column)
            }
            if kind.name == "sequentiallr", SchedulerKind.named(spec.name)!.isComposite {
                throw fail("sequentiallr holds plain schedulers; put chainedscheduler around sequentiallr instead", column: child.column)
            }
            children.append(spec)
        }
        self.children = children
        if kind.isComposite, children.isEmpty {
            throw fail("\(kind.name) needs at least one scheduler, e.g. \(kind.example)", column: syntax.column)
        }
        if kind.name == "sequentiallr", self.value("milestones")?.integers.count ?? 0 != children.count - 1 {
            throw fail(
                "sequentiallr needs one milestone fewer than schedulers (\(children.count) schedulers, so \(children.count - 1) milestones), e.g. \(kind.example)",
                column: syntax.column)
        }
    }

    /// The value of `key`, given or default.
    func value(_ key: String) -> SchedulerValue? {
        if let value = given.first(where: { $0.key == key })?.value { return value }
        guard let option = SchedulerKind.named(name)?.option(key), let text = option.defaultValue else { return nil }
        return option.parse([text])
    }

    /// Why a run of `steps` steps of `optimizer` (whose group has `momentumKey`, see
    /// `ParameterGroup`) cannot use this schedule, if it cannot: OneCycleLR may not step past
    /// `total_steps`, and cycling momentum needs an optimizer with momentum or betas.
    public func problem(steps: Int, optimizer: String, momentumKey: String?) -> String? {
        if cyclesMomentum, momentumKey == nil {
            return "\(description) cycles the momentum (cycle_momentum=true), but \(optimizer) has neither momentum nor betas; "
                + "add cycle_momentum=false"
        }
        return stepsProblem(steps)
    }

    private func stepsProblem(_ steps: Int) -> String? {
        if name == "onecyclelr", let total = value("total_steps")?.integer, total < steps {
            return "onecyclelr(total_steps=\(total)) cannot run \(steps) steps (PyTorch raises past total_steps); set total_steps=\(steps) or more"
        }
        return children.lazy.compactMap { $0.stepsProblem(steps) }.first
    }

    /// Whether it cycles the momentum (OneCycleLR and CyclicLR with `cycle_momentum`).
    public var cyclesMomentum: Bool {
        value("cycle_momentum")?.boolean == true || children.contains { $0.cyclesMomentum }
    }
}
