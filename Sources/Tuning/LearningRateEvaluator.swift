import Objectives
import Optimizers
import Trajectories

/// Evaluates one learning rate (or one spec, for `OptionSearch`) by running the optimizer from
/// the start point and scoring the run with a `SearchObjective`: the closure a search calls.
///
/// The optimizer keeps every setting of its spec but lr. The jettify and final-loss objectives
/// use the runner's summary (no history is kept); the others need the whole path.
public struct LearningRateEvaluator: Sendable {
    public let function: any Objective
    /// The optimizer; its lr, if given, is replaced by each learning rate tried.
    public let optimizer: OptimizerSpec
    public let configuration: RunConfiguration
    public let objective: SearchObjective
    public let minima: [[Double]]
    public let domain: SearchDomain?
    /// f*, for the steps-to objective.
    public let minimumValue: Double?

    /// Throws when `objective` cannot be computed for this function (no minima, no domain).
    ///
    /// - Parameter functionName: how errors name the function.
    public init(
        function: any Objective, named functionName: String, optimizer: OptimizerSpec,
        configuration: RunConfiguration, objective: SearchObjective = .jettify, minima: [[Double]],
        domain: SearchDomain?, minimumValue: Double? = nil
    ) throws(TuningError) {
        try objective.check(function: functionName, minima: minima, domain: domain, minimumValue: minimumValue)
        self.function = function
        self.optimizer = optimizer
        self.configuration = configuration
        self.objective = objective
        self.minima = minima
        self.domain = domain
        self.minimumValue = minimumValue
    }

    /// An evaluator for a catalog function, with its minima and domain.
    public init(
        definition: FunctionDefinition, optimizer: OptimizerSpec, configuration: RunConfiguration,
        objective: SearchObjective = .jettify
    ) throws(TuningError) {
        try self.init(
            function: definition.objective, named: definition.name, optimizer: optimizer, configuration: configuration,
            objective: objective, minima: definition.minima, domain: try definition.domain.map(SearchDomain.init),
            minimumValue: definition.minimumValue)
    }

    /// The spec with `lr` set to `learningRate`, every other setting kept.
    public func optimizer(learningRate: Double) throws -> OptimizerSpec {
        try optimizer.setting(.lr, to: learningRate)
    }

    /// The objective of the run with `learningRate`, or `nil` when the run diverged or the
    /// objective is not finite. Throws when the run cannot start (a start point of the wrong
    /// dimension, an optimizer without lr): a mistake in the set-up, not a failed evaluation.
    public func evaluate(_ learningRate: Double) throws -> Double? {
        try evaluate(spec: optimizer(learningRate: learningRate))
    }

    /// The objective of the run of `spec` (every setting as it gives them); `nil` when the run
    /// diverged or the objective is not finite.
    public func evaluate(spec: OptimizerSpec) throws -> Double? {
        if objective.needsOnlyTheEnd {
            let summary = try TrajectoryRunner.summary(of: function, optimizer: spec, configuration: configuration)
            return objective.value(
                points: [summary.finalPoint], losses: [summary.finalLoss], diverged: summary.divergedAtStep != nil,
                minima: minima, domain: domain)
        }
        let trajectory = try TrajectoryRunner.trajectory(of: function, function: "", optimizer: spec, configuration: configuration)
        return objective.value(of: trajectory, minima: minima, domain: domain, minimumValue: minimumValue)
    }
}
