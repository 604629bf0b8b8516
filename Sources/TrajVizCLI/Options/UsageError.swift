import ArgumentParser
import Optimizers

/// A mistake in the command line found while turning it into the run's inputs: a function,
/// an expression or definition file, an optimizer spec, a scene file, a trajectory file. It is a usage error like
/// ArgumentParser's `ValidationError` (exit status 2), whichever library found it; failures of
/// the work itself exit 1. `TrajVizCommand.runAsMain` prints it as one `error:` line (an
/// expression's or file's error adds the source line and a caret), without the usage block.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

/// Runs `resolve`, reporting whatever it throws as a usage error.
func resolvingArguments<T>(_ resolve: () throws -> T) throws -> T {
    do {
        return try resolve()
    } catch let error as ValidationError {
        throw error
    } catch let error as UsageError {
        throw error
    } catch {
        throw UsageError(description: "\(error)")
    }
}

/// The spec an `--optimizer` (or `--optimizers`) argument gives; a bad one is a usage error.
func optimizerSpec(_ argument: String) throws -> OptimizerSpec {
    try resolvingArguments { try OptimizerSpec(parsing: argument) }
}
