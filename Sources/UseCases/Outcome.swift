/// What a request produced, with the warnings a user should see (a run that diverged, a start
/// outside the domain): the command line prints them on stderr, the server sends them in the
/// `X-TrajViz-Warning` header.
public struct Outcome<Value> {
    public var value: Value
    public var warnings: [String]

    public init(_ value: Value, warnings: [String] = []) {
        self.value = value
        self.warnings = warnings
    }

    /// The same warnings with another value.
    public func map<Other>(_ other: Other) -> Outcome<Other> {
        Outcome<Other>(other, warnings: warnings)
    }
}

extension Outcome: Sendable where Value: Sendable {}
