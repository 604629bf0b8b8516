/// A scheduler spec that cannot be used: what is wrong, where, and how to fix it, in one line.
public struct SchedulerSpecError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spec as given.
    public let spec: String
    /// The message after the spec, e.g. `steplr needs step_size, e.g. steplr(step_size=100)`.
    public let message: String

    public init(spec: String, _ message: String) {
        self.spec = spec
        self.message = message
    }

    public var description: String { "scheduler '\(spec)': \(message)" }
}
