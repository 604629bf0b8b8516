/// The value of one optimizer option: a real number, an integer, a boolean, or a word.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case real(Double)
    case integer(Int)
    case boolean(Bool)
    /// A string option's value, written bare: `strong_wolfe`.
    case choice(String)

    /// As written in a canonical spec: `0.01`, `1e-05`, `5`, `true`, `strong_wolfe`.
    public var description: String {
        switch self {
        case .real(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .boolean(let value): value ? "true" : "false"
        case .choice(let word): word
        }
    }
}

/// The type an option takes.
public enum OptionKind: String, Sendable {
    case real, integer, boolean, choice
}

/// The values an option accepts.
public enum OptionConstraint: Sendable, Equatable, CustomStringConvertible {
    /// Any value of the option's kind.
    case any
    /// `> 0`.
    case positive
    /// `>= 0`.
    case nonNegative
    /// `[0, 1)`: betas and other decay rates.
    case halfOpenUnitInterval
    /// `[0, 1]`.
    case unitInterval
    /// `>= minimum`, for integers.
    case atLeast(Int)
    /// One of the listed integers.
    case oneOf([Int])
    /// One of the listed words, for a string option.
    case words([String])

    public var description: String {
        switch self {
        case .any: "any value"
        case .positive: "> 0"
        case .nonNegative: ">= 0"
        case .halfOpenUnitInterval: "in [0, 1)"
        case .unitInterval: "in [0, 1]"
        case .atLeast(let minimum): ">= \(minimum)"
        case .oneOf(let values): "one of " + values.map(String.init).joined(separator: ", ")
        case .words(let words): "one of " + words.joined(separator: ", ")
        }
    }

    /// Whether `value` satisfies the constraint (NaN never does, except for `.any`).
    public func admits(_ value: OptionValue) -> Bool {
        let number: Double
        switch value {
        case .boolean: return true
        case .choice(let word):
            if case .words(let words) = self { return words.contains(word) }
            return self == .any
        case .real(let real): number = real
        case .integer(let integer):
            if case .oneOf(let values) = self { return values.contains(integer) }
            number = Double(integer)
        }
        switch self {
        case .any: return true
        case .positive: return number > 0
        case .nonNegative: return number >= 0
        case .halfOpenUnitInterval: return number >= 0 && number < 1
        case .unitInterval: return number >= 0 && number <= 1
        case .atLeast(let minimum): return number >= Double(minimum)
        case .oneOf(let values): return values.contains { Double($0) == number }
        case .words: return false
        }
    }
}

/// One keyword an optimizer takes, with its reference's name, default and accepted range.
public struct OptimizerOption: Sendable {
    /// The keyword, as the reference spells it (betas split into `beta1`, `beta2`, `beta3`).
    public let key: String
    public let kind: OptionKind
    public let defaultValue: OptionValue
    public let constraint: OptionConstraint
    /// One line on what it does.
    public let summary: String
    /// The interval a search of this option explores (`--tune`), linearly: given, or from the
    /// constraint ([0, 0.999] for `[0, 1)`, [0, 1] for `[0, 1]`); `nil` when it has none (an
    /// unbounded or non-real option). lr is searched over its definition's log interval instead.
    public let searchInterval: ClosedRange<Double>?

    public init<Value>(
        _ key: OptionKey<Value>, _ defaultValue: Value, _ constraint: OptionConstraint = .any, _ summary: String,
        search: ClosedRange<Double>? = nil
    ) {
        self.key = key.name
        self.defaultValue = defaultValue.optionValue
        switch self.defaultValue {
        case .real: kind = .real
        case .integer: kind = .integer
        case .boolean: kind = .boolean
        case .choice: kind = .choice
        }
        self.constraint = constraint
        self.summary = summary
        switch (kind, constraint, search) {
        case (.real, _, let search?): searchInterval = search
        case (.real, .halfOpenUnitInterval, nil): searchInterval = 0...0.999
        case (.real, .unitInterval, nil): searchInterval = 0...1
        default: searchInterval = nil
        }
    }
}
