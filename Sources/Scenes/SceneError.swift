/// A scene that cannot be made as asked, with a one-line description of what to change.
public struct SceneError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
