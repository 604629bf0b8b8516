import Objectives
import Optimizers
import Trajectories

/// How each optimizer is run, as `--steps`, `--start`, `--zero-grad`, `--clip-grad-norm` and
/// `--param-layout` give it.
public struct RunSettings: Codable, Sendable, Equatable {
    /// Optimizer steps, 1 up to the limits' maximum (default 300).
    public var steps: Int
    /// The start point, one coordinate per variable; `nil` takes the function's own.
    public var start: [Double]?
    /// How gradients are cleared between steps (default `inplace`).
    public var zeroGrad: ZeroGradMode
    /// `clip_grad_norm_`'s maximum norm, > 0; `nil` for none.
    public var clipGradNorm: Double?
    /// One tensor (default) or one parameter per variable.
    public var paramLayout: ParameterLayout

    public init(
        steps: Int = 300, start: [Double]? = nil, zeroGrad: ZeroGradMode = .inplace, clipGradNorm: Double? = nil,
        paramLayout: ParameterLayout = .tensor
    ) {
        self.steps = steps
        self.start = start
        self.zeroGrad = zeroGrad
        self.clipGradNorm = clipGradNorm
        self.paramLayout = paramLayout
    }

    /// The run configuration for `function`, with a warning when the start lies outside its domain.
    public func configuration(for function: FunctionDefinition, limits: RequestLimits) throws(RequestError) -> (RunConfiguration, warnings: [String]) {
        guard steps >= 1 else { throw RequestError("--steps must be at least 1 (got \(steps))") }
        guard steps <= limits.maximumSteps else {
            throw RequestError("--steps \(steps) is more than the \(limits.maximumSteps) a run may record here; use fewer steps")
        }
        if let clipGradNorm, !(clipGradNorm > 0 && clipGradNorm.isFinite) {
            throw RequestError("--clip-grad-norm must be a finite number > 0 (got \(clipGradNorm))")
        }
        let point = start ?? function.start
        func listed(_ point: [Double]) -> String { point.map { "\($0)" }.joined(separator: ",") }
        guard point.count == function.dimension else {
            throw RequestError(
                "--start has \(point.count) coordinates but \(function.name) has \(function.dimension) variables; "
                    + "give \(function.dimension), e.g. --start=\(listed(function.start)) (its default start)")
        }
        guard point.allSatisfy(\.isFinite) else { throw RequestError("--start must be finite numbers (got \(listed(point)))") }
        var warnings: [String] = []
        if let domain = function.domain, !domain.contains(point) {
            warnings.append("the start point \(listed(point)) lies outside \(function.name)'s plotted domain; the path will be clipped at the border")
        }
        let configuration = RunConfiguration(
            start: point, steps: steps, zeroGrad: zeroGrad, clipGradNorm: clipGradNorm, layout: paramLayout)
        return (configuration, warnings)
    }
}

/// Parses an `--optimizer` spec; a bad one is a request error with the parser's message.
func optimizerSpec(_ text: String) throws(RequestError) -> OptimizerSpec {
    try asRequestError { try OptimizerSpec(parsing: text) }
}
