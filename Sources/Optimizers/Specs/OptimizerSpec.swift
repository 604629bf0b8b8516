/// An optimizer as the user names it: `adam`, `diffgrad(lr=0.01, clone=false)`,
/// `lamb@pytorch_optimizer(lr=0.05)`.
///
/// Names are resolved by `OptimizerCatalog.definition(named:)`. Keys are the reference's keyword
/// names with tuples split into numbered keys (`betas` → `beta1`, `beta2`, `beta3`); values are
/// numbers (`0.01`, `1e-3`, `5`), `true`/`false`, or a word written bare (`strong_wolfe`). A
/// parsed spec is validated against its definition, and its `description` is canonical: the
/// definition's spec name, then the keys given, in the definition's order. A spec is changed
/// with `setting(_:to:)`, never by editing its text.
public struct OptimizerSpec: Sendable, Equatable, CustomStringConvertible {
    /// The catalog entry.
    public let definition: OptimizerDefinition
    /// The options given explicitly, in canonical order.
    public let arguments: [(key: String, value: OptionValue)]

    /// The optimizer's name as a canonical spec writes it: `adam`, `ranger@torch_optimizer`.
    public var name: String { definition.specName }

    /// The canonical spec, e.g. `diffgrad(lr=0.01, clone=false)`.
    public var description: String {
        arguments.isEmpty
            ? name : name + "(" + arguments.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
    }

    /// Every option resolved: the given value, or the default.
    public var settings: OptimizerSettings {
        var values: [String: OptionValue] = [:]
        for option in definition.options { values[option.key] = option.defaultValue }
        for argument in arguments { values[argument.key] = argument.value }
        return OptimizerSettings(values: values)
    }

    /// Whether the optimizer has DiffGrad's friction (and reports previous gradients and ξ).
    public var hasFriction: Bool { definition.hasFriction }

    /// Whether the optimizer reports its first moment or momentum buffer after each step.
    public var reportsFirstMoment: Bool { definition.channels.contains(.firstMoment) }

    /// The value of `key`, given or default; `nil` for a key the optimizer does not take.
    public func value<Value>(of key: OptionKey<Value>) -> Value? {
        (arguments.first { $0.key == key.name }?.value ?? definition.option(key.name)?.defaultValue).flatMap(Value.init(option:))
    }

    /// The value of `key` when the spec gives it explicitly; `nil` when it is left at its default.
    public func givenValue<Value>(of key: OptionKey<Value>) -> Value? {
        arguments.first { $0.key == key.name }.flatMap { Value(option: $0.value) }
    }

    /// This spec with `key` set to `value`, every other option as given; throws when the
    /// optimizer has no such option or the value is out of its range.
    public func setting<Value>(_ key: OptionKey<Value>, to value: Value) throws(OptimizerSpecError) -> OptimizerSpec {
        guard let option = definition.option(key.name) else { throw Self.unknownKey(key.name, in: definition, spec: description) }
        var given = Dictionary(uniqueKeysWithValues: arguments.map { ($0.key, $0.value) })
        given[key.name] = try Self.checked(value.optionValue, for: option, spec: description)
        return try OptimizerSpec(definition: definition, given: given, spec: description)
    }

    /// Parses and validates `text`.
    public init(parsing text: String) throws(OptimizerSpecError) {
        var parser = SpecParser(text)
        let parsed = try parser.parse()
        guard let definition = OptimizerCatalog.definition(named: parsed.name) else {
            let hint = nearestName(to: parsed.name, among: OptimizerCatalog.names).map { "did you mean '\($0)'? " } ?? ""
            let bare = OptimizerCatalog.all.map(\.name).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            throw OptimizerSpecError(
                .unknownOptimizer, spec: text,
                "unknown optimizer '\(parsed.name)'; \(hint)known: \(bare.joined(separator: ", ")) "
                    + "(name@torch, name@torch_optimizer or name@pytorch_optimizer picks one package's class; trajviz list shows them)")
        }
        var given: [String: OptionValue] = [:]
        for (key, literal) in parsed.arguments {
            guard let option = definition.option(key) else {
                throw Self.unknownKey(key, in: definition, spec: text)
            }
            guard given[key] == nil else {
                throw OptimizerSpecError(.duplicateKey, spec: text, "\(key) is given twice; keep one")
            }
            given[key] = try Self.checked(Self.convert(literal, for: option, spec: text), for: option, spec: text)
        }
        try self.init(definition: definition, given: given, spec: text)
    }

    /// The spec of `definition` with the `given` values (each valid on its own), in canonical
    /// order; throws when they do not go together.
    private init(definition: OptimizerDefinition, given: [String: OptionValue], spec text: String) throws(OptimizerSpecError) {
        self.definition = definition
        arguments = definition.options.compactMap { option in given[option.key].map { (option.key, $0) } }
        if let problem = definition.check(settings) {
            throw OptimizerSpecError(.inconsistent, spec: text, problem)
        }
    }

    /// `value`, when `option` admits it.
    private static func checked(_ value: OptionValue, for option: OptimizerOption, spec: String) throws(OptimizerSpecError) -> OptionValue {
        guard option.constraint.admits(value) else {
            throw OptimizerSpecError(
                .outOfRange, spec: spec, "\(option.key) must be \(option.constraint), got \(value); the default is \(option.defaultValue)")
        }
        return value
    }

    /// A new optimizer for `parameters`; `observer` (one slot per element of all the
    /// parameters) hears the channels it reports, e.g. DiffGrad's g(t-1) and ξ.
    public func makeOptimizer(for parameters: [Parameter], observer: StepObserver? = nil) -> Optimizer {
        definition.build(settings, parameters, observer)
    }

    public static func == (lhs: OptimizerSpec, rhs: OptimizerSpec) -> Bool {
        lhs.description == rhs.description
    }

    private static func unknownKey(_ key: String, in definition: OptimizerDefinition, spec: String) -> OptimizerSpecError {
        let keys = definition.options.map(\.key)
        let hint: String
        let numbered = key.hasSuffix("s") ? keys.filter { $0.hasPrefix(key.dropLast()) && $0.last?.isNumber == true } : []
        if !numbered.isEmpty {
            hint = "give \(key) as " + numbered.map { "\($0)=..." }.joined(separator: " and ") + "; "
        } else if let nearest = nearestName(to: key, among: keys) {
            hint = "did you mean '\(nearest)'? "
        } else {
            hint = ""
        }
        return OptimizerSpecError(
            .unknownKey, spec: spec, "\(definition.name) has no option '\(key)'; \(hint)it takes \(keys.joined(separator: ", "))")
    }

    private static func convert(_ literal: String, for option: OptimizerOption, spec: String) throws(OptimizerSpecError)
        -> OptionValue
    {
        switch option.kind {
        case .boolean:
            switch literal {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default:
                throw OptimizerSpecError(.wrongType, spec: spec, "\(option.key) takes true or false, got '\(literal)'")
            }
        case .integer:
            if let value = Int(literal) { return .integer(value) }
            if let real = Double(literal), real.isFinite, real == real.rounded(), let value = Int(exactly: real) {
                return .integer(value)
            }
            throw OptimizerSpecError(
                .wrongType, spec: spec, "\(option.key) takes an integer, got '\(literal)'; e.g. \(option.key)=\(option.defaultValue)")
        case .choice:
            return .choice(literal)
        case .real:
            guard let value = Double(literal), value.isFinite else {
                throw OptimizerSpecError(
                    .wrongType, spec: spec, "\(option.key) takes a finite number, got '\(literal)'; e.g. \(option.key)=\(option.defaultValue)")
            }
            return .real(value)
        }
    }
}

/// The syntax `name` or `name(key=value, ...)`, before any meaning is given to it.
struct SpecParser {
    let text: String
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        self.text = text
        characters = Array(text)
    }

    mutating func parse() throws(OptimizerSpecError) -> (name: String, arguments: [(String, String)]) {
        skipSpaces()
        let name = name()
        guard !name.isEmpty else { throw error("expected an optimizer name such as adam or diffgrad(lr=0.01)") }
        skipSpaces()
        var arguments: [(String, String)] = []
        if position < characters.count, characters[position] == "(" {
            position += 1
            skipSpaces()
            if position < characters.count, characters[position] == ")" {
                position += 1
            } else {
                while true {
                    skipSpaces()
                    let key = word()
                    guard !key.isEmpty else { throw error("expected a key such as lr") }
                    skipSpaces()
                    guard position < characters.count, characters[position] == "=" else {
                        throw error("expected '=' after '\(key)', as in \(key)=0.01")
                    }
                    position += 1
                    skipSpaces()
                    if position < characters.count, characters[position] == "(" { throw tupleError(key) }
                    let value = literal()
                    guard !value.isEmpty else { throw error("expected a value for '\(key)'") }
                    arguments.append((key, value))
                    skipSpaces()
                    guard position < characters.count else { throw error("expected ',' or ')'; close the list with ')'") }
                    if characters[position] == "," {
                        position += 1
                        continue
                    }
                    guard characters[position] == ")" else { throw error("expected ',' or ')'") }
                    position += 1
                    break
                }
            }
            skipSpaces()
        }
        guard position == characters.count else { throw error("unexpected '\(characters[position])'") }
        return (name, arguments)
    }

    /// A PyTorch tuple such as `betas=(0.9, 0.99)`: each number is an option of its own.
    private func tupleError(_ key: String) -> OptimizerSpecError {
        let inside = characters[(position + 1)...].prefix { $0 != ")" }
        let numbers = inside.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
        if key == "betas", numbers.count == 2 {
            return error("betas are two options here: write beta1=\(numbers[0]), beta2=\(numbers[1])")
        }
        return error("'\(key)' takes one value, not a tuple")
    }

    private func error(_ message: String) -> OptimizerSpecError {
        OptimizerSpecError(.syntax, spec: text, "\(message) at column \(position + 1)")
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private mutating func word() -> String {
        let start = position
        while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" {
            position += 1
        }
        return String(characters[start..<position])
    }

    /// A name, with its package if given: `adam`, `ranger@torch_optimizer`.
    private mutating func name() -> String {
        let bare = word()
        guard position < characters.count, characters[position] == "@" else { return bare }
        position += 1
        return bare + "@" + word()
    }

    private mutating func literal() -> String {
        let start = position
        while position < characters.count, !",)".contains(characters[position]), !characters[position].isWhitespace {
            position += 1
        }
        return String(characters[start..<position])
    }
}
