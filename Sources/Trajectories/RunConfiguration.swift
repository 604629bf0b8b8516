import Optimizers
import Schedules

/// How the variables are handed to the optimizer.
public enum ParameterLayout: String, Sendable, CaseIterable {
    /// One parameter tensor of n elements (the default): one optimizer state.
    case tensor
    /// n parameters of one element each: one optimizer state per variable, as PyTorch keeps it.
    case split
}

/// Everything about a run except the function and the optimizer.
public struct RunConfiguration: Sendable {
    /// The start point, one coordinate per variable.
    public var start: [Double]
    /// The number of optimizer steps, >= 1.
    public var steps: Int
    /// How gradients are cleared between steps (default `inplace`).
    public var zeroGrad: ZeroGradMode
    /// The maximum total gradient norm (`clip_grad_norm_`), > 0, or nil for none.
    public var clipGradNorm: Double?
    /// One tensor (default) or one parameter per variable.
    public var layout: ParameterLayout
    /// The learning-rate scheduler stepped after each `optimizer.step()`, or nil for a constant lr.
    public var scheduler: SchedulerSpec?
    /// Gaussian noise added to each step's gradient before clipping, or nil for exact gradients.
    public var gradientNoise: GradientNoise?

    public init(
        start: [Double], steps: Int, zeroGrad: ZeroGradMode = .inplace, clipGradNorm: Double? = nil,
        layout: ParameterLayout = .tensor, scheduler: SchedulerSpec? = nil, gradientNoise: GradientNoise? = nil
    ) {
        self.start = start
        self.steps = steps
        self.zeroGrad = zeroGrad
        self.clipGradNorm = clipGradNorm
        self.layout = layout
        self.scheduler = scheduler
        self.gradientNoise = gradientNoise
    }
}

extension RunConfiguration {
    /// Why `optimizer` cannot run this configuration's schedule, if it cannot (one line).
    public func scheduleProblem(for optimizer: OptimizerSpec) -> String? {
        let momentumKey = optimizer.definition.option("beta1") != nil ? "beta1" : optimizer.definition.option("momentum") != nil ? "momentum" : nil
        return scheduler?.problem(steps: steps, optimizer: optimizer.description, momentumKey: momentumKey)
    }
}

/// A run that cannot start, with a one-line description of what to fix.
public struct RunError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The outcome of a run without its history: the fast path for searches.
public struct RunSummary: Sendable, Equatable {
    /// The last finite point.
    public var finalPoint: [Double]
    /// f at `finalPoint`, or nil where it is not finite.
    public var finalLoss: Double?
    /// The step at which the run diverged (its loss, gradient or point not finite), if any.
    public var divergedAtStep: Int?
    /// The number of steps completed (`steps`, or `divergedAtStep - 1`).
    public var stepsTaken: Int
}
