/// A mistake in what was asked of the tuning library; `description` is a one-line message that
/// says what is wrong, where, and how to fix it.
public struct TuningError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
