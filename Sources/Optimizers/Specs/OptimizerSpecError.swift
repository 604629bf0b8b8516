/// A spec that cannot be used, with a one-line description of what is wrong, where, and how
/// to fix it.
public struct OptimizerSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for tests and callers that react to the kind.
    public enum Kind: Sendable, Equatable {
        case syntax
        case unknownOptimizer
        case unknownKey
        case duplicateKey
        case wrongType
        case outOfRange
        case inconsistent
    }

    public let kind: Kind
    /// The spec as given.
    public let spec: String
    /// The message after the spec, e.g. `lr must be > 0, got 0.0`.
    public let message: String

    public init(_ kind: Kind, spec: String, _ message: String) {
        self.kind = kind
        self.spec = spec
        self.message = message
    }

    public var description: String {
        "optimizer '\(spec)': \(message)"
    }
}
