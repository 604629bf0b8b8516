import Objectives
import Optimizers
import Scenes
import Trajectories
import _AtomicWrite

/// A request's function, optimizers and run configuration, resolved and checked but not yet
/// run: what the command line needs to name and open its output before the work starts.
public struct PreparedRun: Sendable {
    public let function: FunctionDefinition
    /// The function as the request named it, which trajectories record.
    public let functionArgument: String
    public let specs: [OptimizerSpec]
    /// The configuration of an exact run, or of a fan's first run before its noise (`settings.noisy`).
    public let configuration: RunConfiguration
    /// The settings the configuration came from, with the noise a fan adds.
    public let settings: RunSettings
    /// Warnings so far (a start outside the domain); running adds divergences.
    public var warnings: [String]

    /// Resolves and checks `function`, `optimizers` and `run` against `limits`; notes the
    /// `recorded` run files as inputs, so that no output opened before they are read replaces one.
    init(
        function: FunctionRequest, optimizers: [String], recorded: [String] = [], run: RunSettings, limits: RequestLimits
    ) throws(RequestError) {
        try limits.checkOptimizerCount(optimizers.count)
        for file in recorded { RunInputs.note(file, as: "a --trajectory file") }
        let definition = try function.resolve(limits: limits)
        let (configuration, warnings) = try run.configuration(for: definition, limits: limits)
        try limits.checkRecordedValues(runs: max(optimizers.count, 1) * run.runs, steps: run.steps, dimension: definition.dimension)
        var specs: [OptimizerSpec] = []
        for text in optimizers {
            let spec = try optimizerSpec(text)
            if let problem = configuration.scheduleProblem(for: spec) { throw RequestError(problem) }
            specs.append(spec)
        }
        self.function = definition
        functionArgument = function.function
        self.specs = specs
        self.configuration = configuration
        settings = run
        self.warnings = warnings
    }

    /// The configuration of run `run` (0-based) of a fan: `configuration` with that run's noise.
    public func noisyConfiguration(run: Int = 0) -> RunConfiguration {
        settings.noisy(configuration, run: run)
    }

    /// Runs `spec` (seeded with run 0's noise, if any), noting a divergence and what it means
    /// for the output (`consequence`) in the warnings.
    mutating func run(_ spec: OptimizerSpec, consequence: String) throws(RequestError) -> Trajectory {
        let run = try asRequestError {
            try TrajectoryRunner.trajectory(
                of: function.objective, function: functionArgument, optimizer: spec, configuration: noisyConfiguration())
        }
        noteDivergence(of: run, spec: spec, consequence: consequence)
        return run
    }

    /// The settings' seeded runs of `spec` (one run, exact or seeded, without several `runs`),
    /// noting where the median run diverged and what that means for the output (`consequence`);
    /// `recordingFirstMoments` keeps each step's first moment or momentum buffer.
    mutating func fan(_ spec: OptimizerSpec, consequence: String, recordingFirstMoments: Bool = false) throws(RequestError) -> RunFan {
        let fan = try asRequestError {
            try RunFan(runs: (0..<settings.runs).map { run in
                try TrajectoryRunner.trajectory(
                    of: function.objective, function: functionArgument, optimizer: spec, configuration: noisyConfiguration(run: run),
                    recordingFirstMoments: recordingFirstMoments)
            })
        }
        noteDivergence(of: fan.runs[fan.medianIndex], spec: spec, consequence: consequence)
        return fan
    }

    /// Notes in the warnings where `run` diverged, if it did, and what that means for the output.
    mutating func noteDivergence(of run: Trajectory, spec: OptimizerSpec, consequence: String) {
        guard let step = run.divergedAtStep else { return }
        warnings.append("\(spec) diverged at step \(step) on \(function.name): its loss, gradient or point stopped being finite; \(consequence)")
    }
}
