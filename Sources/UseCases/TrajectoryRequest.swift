import Trajectories

/// `trajviz trajectory` and the server's `/trajectory.json`: the full record of optimizer runs.
public struct TrajectoryRequest: Codable, Sendable, Equatable {
    public var function: FunctionRequest
    /// The optimizer specs; the command line runs one, the server up to the limits' maximum.
    public var optimizers: [String]
    public var run: RunSettings

    public init(function: FunctionRequest, optimizers: [String], run: RunSettings = RunSettings()) {
        self.function = function
        self.optimizers = optimizers
        self.run = run
    }

    /// One trajectory per optimizer, in the order given.
    public func trajectories(limits: RequestLimits) throws(RequestError) -> Outcome<[Trajectory]> {
        guard !optimizers.isEmpty else { throw RequestError("give at least one --optimizer SPEC to run") }
        try limits.checkOptimizerCount(optimizers.count)
        let definition = try function.resolve(limits: limits)
        var (configuration, warnings) = try run.configuration(for: definition, limits: limits)
        var runs: [Trajectory] = []
        for text in optimizers {
            runs.append(
                try UseCases.run(
                    try optimizerSpec(text), on: function, definition, configuration: configuration, consequence: "the run stops there",
                    warnings: &warnings))
        }
        return Outcome(runs, warnings: warnings)
    }
}
