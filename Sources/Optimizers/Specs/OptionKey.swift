/// The Swift types an option's value can have: `Double`, `Int`, `Bool`, and `OptionChoice` for a
/// string written bare (`line_search_fn=strong_wolfe`).
public protocol OptionType: Sendable {
    /// The value held by `option`, if it is of this type (an integer reads as a real, too).
    init?(option: OptionValue)
    /// The value as a spec holds it.
    var optionValue: OptionValue { get }
}

extension Double: OptionType {
    public init?(option: OptionValue) {
        switch option {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }

    public var optionValue: OptionValue { .real(self) }
}

extension Int: OptionType {
    public init?(option: OptionValue) {
        guard case .integer(let value) = option else { return nil }
        self = value
    }

    public var optionValue: OptionValue { .integer(self) }
}

extension Bool: OptionType {
    public init?(option: OptionValue) {
        guard case .boolean(let value) = option else { return nil }
        self = value
    }

    public var optionValue: OptionValue { .boolean(self) }
}

/// A string option's value, one of the words its option lists (`strong_wolfe`, `none`).
public struct OptionChoice: OptionType, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let word: String

    public init(stringLiteral word: String) {
        self.word = word
    }

    public init?(option: OptionValue) {
        guard case .choice(let word) = option else { return nil }
        self.word = word
    }

    public var optionValue: OptionValue { .choice(word) }
    public var description: String { word }
}

/// The typed name of one option: `settings[.lr]` is a `Double`, `settings[.amsgrad]` a `Bool`,
/// and a misspelt key does not compile. `name` is the reference's keyword (`weight_decay`).
///
/// Keys shared by many optimizers are declared in `OptionKeys.swift`; a key that only one
/// optimizer takes is declared in its recipe file, as an extension like those.
public struct OptionKey<Value: OptionType>: Sendable, Hashable {
    /// The keyword, as the reference spells it (tuples split: `betas` → `beta1`, `beta2`).
    public let name: String

    public init(_ name: String) {
        self.name = name
    }
}
