/// An optimizer as the user names it: `adam`, `diffgrad(lr=0.01, clone=false)`.
///
/// Keys are PyTorch's keyword names with betas split into `beta1` and `beta2`; values are
/// numbers (`0.01`, `1e-3`, `5`) or `true`/`false`. A parsed spec is validated against the
/// catalog, and its `description` is canonical: the keys given, in the definition's order.
public struct OptimizerSpec: Sendable, Equatable, CustomStringConvertible {
    /// The catalog entry.
    public let definition: OptimizerDefinition
    /// The options given explicitly, in canonical order.
    public let arguments: [(key: String, value: OptionValue)]

    /// The optimizer's name.
    public var name: String { definition.name }

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

    /// The value of `key`, given or default; `nil` for a key the optimizer does not take.
    public func value(of key: String) -> OptionValue? {
        arguments.first { $0.key == key }?.value ?? definition.option(key)?.defaultValue
    }

    /// Parses and validates `text`.
    public init(parsing text: String) throws(OptimizerSpecError) {
        var parser = SpecParser(text)
        let parsed = try parser.parse()
        guard let definition = OptimizerCatalog.definition(named: parsed.name) else {
            let names = OptimizerCatalog.all.map(\.name)
            let hint = nearestName(to: parsed.name, among: names).map { "did you mean '\($0)'? " } ?? ""
            throw OptimizerSpecError(
                .unknownOptimizer, spec: text,
                "unknown optimizer '\(parsed.name)'; \(hint)known: \(names.joined(separator: ", "))")
        }
        var given: [String: OptionValue] = [:]
        for (key, literal) in parsed.arguments {
            guard let option = definition.option(key) else {
                throw Self.unknownKey(key, in: definition, spec: text)
            }
            guard given[key] == nil else {
                throw OptimizerSpecError(.duplicateKey, spec: text, "\(key) is given twice; keep one")
            }
            let value = try Self.convert(literal, for: option, spec: text)
            guard option.constraint.admits(value) else {
                throw OptimizerSpecError(
                    .outOfRange, spec: text,
                    "\(key) must be \(option.constraint), got \(value); the default is \(option.defaultValue)")
            }
            given[key] = value
        }
        self.definition = definition
        arguments = definition.options.compactMap { option in given[option.key].map { (option.key, $0) } }
        if let problem = definition.check(settings) {
            throw OptimizerSpecError(.inconsistent, spec: text, problem)
        }
    }

    /// A new optimizer for `parameters`; `frictionProbe` (one slot per element of all the
    /// parameters) hears DiffGrad's friction.
    public func makeOptimizer(for parameters: [Parameter], frictionProbe: FrictionProbe? = nil) -> Optimizer {
        definition.build(settings, parameters, frictionProbe)
    }

    public static func == (lhs: OptimizerSpec, rhs: OptimizerSpec) -> Bool {
        lhs.description == rhs.description
    }

    private static func unknownKey(_ key: String, in definition: OptimizerDefinition, spec: String) -> OptimizerSpecError {
        let keys = definition.options.map(\.key)
        let hint: String
        if key == "betas" {
            hint = "give betas as beta1=... and beta2=...; "
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
        let name = word()
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

    private mutating func literal() -> String {
        let start = position
        while position < characters.count, !",)".contains(characters[position]), !characters[position].isWhitespace {
            position += 1
        }
        return String(characters[start..<position])
    }
}
