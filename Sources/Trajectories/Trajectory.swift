import Foundation

/// One optimizer run: the points it visited and what the optimizer saw at each step.
///
/// The JSON form is documented in docs/trajectory-format.md: camelCase keys (the snake_case
/// `zero_grad`, `clip_grad_norm` and `param_layout` of older files are read too). `jsonData()`
/// writes it; `decoded(from:)` reads and checks it (`TrajectoryDecoding.swift`).
public struct Trajectory: Codable, Sendable, Equatable {
    /// The function as given: a catalog name, a file, or an inline expression.
    public var function: String
    /// The normalised optimizer spec, e.g. `diffgrad(lr=0.01, clone=false)`.
    public var optimizer: String
    public var start: [Double]
    /// The number of steps asked for.
    public var steps: Int
    /// `inplace` or `none`.
    public var zeroGrad: String
    public var clipGradNorm: Double?
    /// `split` when each variable was its own parameter; nil (or `tensor`) for one tensor.
    public var paramLayout: String?
    /// The start point, then the point after each step.
    public var points: VectorSeries
    /// f at each point; `nil` where f is not finite.
    public var losses: [Double?]
    /// ∇f as each step received it: after clipping, before weight decay.
    public var gradients: VectorSeries
    /// DiffGrad family: what the optimizer read as g(t-1) at each step.
    public var previousGradients: VectorSeries?
    /// DiffGrad family: the friction ξ per element at each step.
    public var friction: VectorSeries?
    /// When asked for: the first moment m (Adam family) or momentum buffer b (SGD) after each
    /// step, for optimizers that report one.
    public var firstMoments: VectorSeries?
    /// The step (1-based) that made the point non-finite; `points` stop before it.
    public var divergedAtStep: Int?
    /// A recorded run's optimizer class, e.g. `torch_optimizer:DiffGrad`; nil for runs of ours.
    public var reference: String?
    /// The learning-rate scheduler's canonical spec, e.g. `cosineannealinglr(T_max=300)`; nil
    /// for a constant lr.
    public var scheduler: String?
    /// With a scheduler: the lr each step used (one per gradient); nil for a constant lr.
    public var learningRates: [Double]?
    /// σ of the Gaussian noise added to each gradient (`GradientNoise`); nil for exact gradients.
    public var gradientNoise: Double?
    /// `absolute` or `relative`, with `gradientNoise`.
    public var noiseScale: String?
    /// The noise generator's seed, with `gradientNoise`.
    public var noiseSeed: UInt64?

    enum CodingKeys: String, CodingKey {
        case function, optimizer, start, steps, zeroGrad, clipGradNorm, paramLayout
        case points, losses, gradients, previousGradients, friction, firstMoments, divergedAtStep, reference
        case scheduler, learningRates, gradientNoise, noiseScale, noiseSeed

        /// The key older files used, where it differs.
        var legacyName: String? {
            switch self {
            case .zeroGrad: "zero_grad"
            case .clipGradNorm: "clip_grad_norm"
            case .paramLayout: "param_layout"
            default: nil
            }
        }
    }

    public init(
        function: String, optimizer: String, start: [Double], steps: Int, zeroGrad: String,
        clipGradNorm: Double?, points: VectorSeries, losses: [Double?], gradients: VectorSeries,
        previousGradients: VectorSeries? = nil, friction: VectorSeries? = nil, divergedAtStep: Int? = nil,
        paramLayout: String? = nil, scheduler: String? = nil, learningRates: [Double]? = nil
    ) {
        self.paramLayout = paramLayout
        self.scheduler = scheduler
        self.learningRates = learningRates
        self.function = function
        self.optimizer = optimizer
        self.start = start
        self.steps = steps
        self.zeroGrad = zeroGrad
        self.clipGradNorm = clipGradNorm
        self.points = points
        self.losses = losses
        self.gradients = gradients
        self.previousGradients = previousGradients
        self.friction = friction
        self.divergedAtStep = divergedAtStep
    }

    /// The run as JSON in the reference format; non-finite gradients are written as the strings
    /// `"Infinity"`, `"-Infinity"` and `"NaN"`.
    public func jsonData(prettyPrinted: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(self)
    }
}
