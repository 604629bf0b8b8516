import Objectives
import Optimizers
import Trajectories

/// A request's function, optimizers and run configuration, resolved and checked but not yet
/// run: what the command line needs to name and open its output before the work starts.
public struct PreparedRun: Sendable {
    public let function: FunctionDefinition
    /// The function as the request named it, which trajectories record.
    public let functionArgument: String
    public let specs: [OptimizerSpec]
    public let configuration: RunConfiguration
    /// Warnings so far (a start outside the domain); running adds divergences.
    public var warnings: [String]

    /// Resolves and checks `function`, `optimizers` and `run` against `limits`.
    init(function: FunctionRequest, optimizers: [String], run: RunSettings, limits: RequestLimits) throws(RequestError) {
        try limits.checkOptimizerCount(optimizers.count)
        let definition = try function.resolve(limits: limits)
        let (configuration, warnings) = try run.configuration(for: definition, limits: limits)
        var specs: [OptimizerSpec] = []
        for text in optimizers { specs.append(try optimizerSpec(text)) }
        self.function = definition
        functionArgument = function.function
        self.specs = specs
        self.configuration = configuration
        self.warnings = warnings
    }

    /// Runs `spec`, noting a divergence and what it means for the output (`consequence`) in the warnings.
    mutating func run(_ spec: OptimizerSpec, consequence: String) throws(RequestError) -> Trajectory {
        let run = try asRequestError {
            try TrajectoryRunner.trajectory(of: function.objective, function: functionArgument, optimizer: spec, configuration: configuration)
        }
        if let step = run.divergedAtStep {
            warnings.append(
                "\(spec) diverged at step \(step) on \(function.name): its loss, gradient or point stopped being finite; \(consequence)")
        }
        return run
    }
}
