import ArgumentParser
import Objectives
import UseCases

/// `--function` and what qualifies it: shared by every command that runs an optimizer. The
/// request it builds checks it (`FunctionRequest.resolve`).
struct FunctionOptions: ParsableArguments {
    @Option(help: "A catalog name (rosenbrock), a definition file (my.toml), an n-dimensional family (rosenbrock-n), or an expression in x and y (\"(1-x)^2 + 100*(y-x^2)^2\").")
    var function: String

    @Option(help: "The dimension of an n-dimensional family (rosenbrock-n, rastrigin-n, quadratic-n): 1 to \(FunctionFamily.maximumDimension) (2 for rosenbrock-n), default \(FunctionFamily.defaultDimension).")
    var dim: Int?

    @Option(name: .customLong("condition-number"), help: "The condition number of quadratic-n (default 100).")
    var conditionNumber: Double?

    @Option(name: .customLong("functions-dir"), help: "A folder of extra definition files, searched before the built-in catalog (repeatable; also TRAJVIZ_FUNCTIONS).")
    var functionFolders: [String] = []

    var request: FunctionRequest {
        FunctionRequest(function: function, dim: dim, conditionNumber: conditionNumber, functionFolders: functionFolders)
    }
}
