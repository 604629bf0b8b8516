import ArgumentParser
import Objectives
import _AtomicWrite

/// `--function` and what qualifies it: shared by every command that runs an optimizer.
struct FunctionOptions: ParsableArguments {
    @Option(help: "A catalog name (rosenbrock), a definition file (my.toml), an n-dimensional family (rosenbrock-n), or an expression in x and y (\"(1-x)^2 + 100*(y-x^2)^2\").")
    var function: String

    @Option(help: "The dimension of an n-dimensional family (rosenbrock-n, rastrigin-n, quadratic-n).")
    var dim: Int?

    @Option(name: .customLong("condition-number"), help: "The condition number of quadratic-n (default 100).")
    var conditionNumber: Double?

    @Option(name: .customLong("functions-dir"), help: "A folder of extra definition files, searched before the built-in catalog (repeatable; also TRAJVIZ_FUNCTIONS).")
    var functionFolders: [String] = []

    func validate() throws {
        if let dim, dim < 1 || dim > 10_000 {
            throw ValidationError("--dim must be between 1 and 10000 (got \(dim))")
        }
        if let conditionNumber, !(conditionNumber >= 1 && conditionNumber.isFinite) {
            throw ValidationError("--condition-number must be a finite number >= 1 (got \(conditionNumber))")
        }
    }

    /// The function the options name; a definition file read is noted as an input of the run.
    func resolve() throws -> FunctionDefinition {
        let definition = try FunctionCatalog(searchPaths: functionFolders).resolve(function, dimension: dim, conditionNumber: conditionNumber)
        if case .file(let path) = definition.origin { RunInputs.note(path, as: "the --function file") }
        return definition
    }
}
