import ArgumentParser
import UseCases

/// Hands a request to its use case, as swift-format's `Lint.run` hands its files to a frontend:
/// a `RequestError` is a usage error (exit 2, one `error:` line), and the outcome's warnings go
/// to stderr.
func handOver<Value>(_ useCase: () throws -> Outcome<Value>) throws -> Value {
    let outcome = try checked(useCase)
    for warning in outcome.warnings { warn(warning) }
    return outcome.value
}

/// What `check` returns, a `RequestError` turned into a usage error; other errors (a file that
/// cannot be written) pass through.
func checked<Value>(_ check: () throws -> Value) throws -> Value {
    do {
        return try check()
    } catch let error as RequestError {
        throw UsageError(description: error.description)
    }
}
