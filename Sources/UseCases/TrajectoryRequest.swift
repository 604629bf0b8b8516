import Trajectories

/// `trajviz trajectory` and the server's `/trajectory.json`: the full record of optimizer runs.
public struct TrajectoryRequest: Codable, Sendable, Equatable {
    public var function: FunctionRequest
    /// The optimizer specs; the command line runs one, the server up to the limits' maximum.
    public var optimizers: [String]
    public var run: RunSettings
    /// Also record each step's first moment or momentum buffer (`--first-moments`), for optimizers that report one.
    public var firstMoments: Bool

    public init(function: FunctionRequest, optimizers: [String], run: RunSettings = RunSettings(), firstMoments: Bool = false) {
        self.function = function
        self.optimizers = optimizers
        self.run = run
        self.firstMoments = firstMoments
    }

    /// The function, optimizers and run settings resolved and checked, before any run: the
    /// command line streams the run from it.
    public func prepared(limits: RequestLimits) throws(RequestError) -> PreparedRun {
        guard !optimizers.isEmpty else { throw RequestError("give at least one --optimizer SPEC to run") }
        guard run.runs == 1 else {
            throw RequestError("--runs draws a fan on a map or chart; trajectory writes one run: give its --seed instead")
        }
        return try PreparedRun(function: function, optimizers: optimizers, run: run, limits: limits)
    }

    /// One trajectory per optimizer, in the order given.
    public func trajectories(limits: RequestLimits) throws(RequestError) -> Outcome<[Trajectory]> {
        var prepared = try prepared(limits: limits)
        var runs: [Trajectory] = []
        for spec in prepared.specs { runs.append(try prepared.run(spec, consequence: "the run stops there")) }
        return Outcome(runs, warnings: prepared.warnings)
    }

    /// Runs the prepared request's first optimizer, handing each row to `sink` as the run goes
    /// (memory of one step, for the command line's output); throws what the sink throws.
    public func stream(_ prepared: PreparedRun, into sink: inout some TrajectorySink) throws -> Outcome<Trajectory> {
        var prepared = prepared
        let spec = prepared.specs[0]
        if firstMoments && !spec.reportsFirstMoment {
            prepared.warnings.append("\(spec) reports no first moment or momentum buffer; the record has none")
        }
        let run = try TrajectoryRunner.stream(
            of: prepared.function.objective, function: prepared.functionArgument, optimizer: spec,
            configuration: prepared.noisyConfiguration(), recordingFirstMoments: firstMoments, into: &sink)
        prepared.noteDivergence(of: run, spec: spec, consequence: "the run stops there")
        return Outcome(run, warnings: prepared.warnings)
    }
}
