import Objectives
import Optimizers
import Schedules
import Trajectories

/// How each optimizer is run, as `--steps`, `--start`, `--zero-grad`, `--clip-grad-norm`,
/// `--param-layout`, `--scheduler` and the noise flags (`--gradient-noise`, `--noise-scale`,
/// `--seed`, `--runs`) give it.
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
    /// A torch.optim.lr_scheduler spec stepped after each optimizer step, e.g.
    /// `cosineannealinglr(T_max=300)`; `nil` for a constant lr.
    public var scheduler: String?
    /// σ of the Gaussian noise added to every gradient, >= 0; `nil` for exact gradients.
    public var gradientNoise: Double?
    /// absolute: g + σ·z (default); relative: g + σ·‖g‖·z.
    public var noiseScale: GradientNoise.Scale
    /// The noise generator's seed (default 0); run r of a fan uses seed + r.
    public var seed: UInt64
    /// Seeded noisy runs per optimizer, 1 (default) to `maximumRuns`.
    public var runs: Int

    /// The most runs one fan draws per optimizer.
    public static let maximumRuns = 200

    public init(
        steps: Int = 300, start: [Double]? = nil, zeroGrad: ZeroGradMode = .inplace, clipGradNorm: Double? = nil,
        paramLayout: ParameterLayout = .tensor, scheduler: String? = nil, gradientNoise: Double? = nil,
        noiseScale: GradientNoise.Scale = .absolute, seed: UInt64 = 0, runs: Int = 1
    ) {
        self.steps = steps
        self.start = start
        self.zeroGrad = zeroGrad
        self.clipGradNorm = clipGradNorm
        self.paramLayout = paramLayout
        self.scheduler = scheduler
        self.gradientNoise = gradientNoise
        self.noiseScale = noiseScale
        self.seed = seed
        self.runs = runs
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
        try checkNoise()
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
            start: point, steps: steps, zeroGrad: zeroGrad, clipGradNorm: clipGradNorm, layout: paramLayout,
            scheduler: try scheduler.map { text throws(RequestError) in try asRequestError { try SchedulerSpec(parsing: text) } })
        return (configuration, warnings)
    }

    /// The noise flags: σ finite and >= 0, runs from 1 to `maximumRuns`, and runs and a scale only with σ.
    private func checkNoise() throws(RequestError) {
        if let gradientNoise, !(gradientNoise >= 0 && gradientNoise.isFinite) {
            throw RequestError("--gradient-noise must be a finite number >= 0 (got \(gradientNoise))")
        }
        guard (1...Self.maximumRuns).contains(runs) else {
            throw RequestError("--runs must be from 1 to \(Self.maximumRuns) (got \(runs))")
        }
        if gradientNoise == nil {
            if runs > 1 { throw RequestError("--runs \(runs) draws seeded noisy runs; add --gradient-noise SIGMA, or drop --runs") }
            if noiseScale != .absolute { throw RequestError("--noise-scale goes with --gradient-noise SIGMA") }
        }
    }
}

/// Parses an `--optimizer` spec; a bad one is a request error with the parser's message.
func optimizerSpec(_ text: String) throws(RequestError) -> OptimizerSpec {
    try asRequestError { try OptimizerSpec(parsing: text) }
}
