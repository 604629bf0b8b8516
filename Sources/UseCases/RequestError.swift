/// A request that cannot be served as asked: a usage error, with the one line the command line
/// prints after `error: ` (exit status 2) and the server answers with status 400. Failures of
/// the work itself (a PNG that cannot be encoded) are other errors.
public struct RequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Runs `body`, reporting whatever it throws as a `RequestError` with the error's own text.
func asRequestError<T>(_ body: () throws -> T) throws(RequestError) -> T {
    do {
        return try body()
    } catch let error as RequestError {
        throw error
    } catch {
        throw RequestError("\(error)")
    }
}
