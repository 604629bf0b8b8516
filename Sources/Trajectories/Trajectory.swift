/// One optimizer run: the points it visited and what the optimizer saw at each step.
public struct Trajectory: Codable, Sendable, Equatable {
    /// The function as given: a catalog name, a file, or an inline expression.
    public var function: String
    /// The normalised optimizer spec, e.g. `diffgrad(lr=0.01, clone=false)`.
    public var optimizer: String
    public var start: [Double]
    public var steps: Int
    /// `inplace` or `none`.
    public var zeroGrad: String
    public var clipGradNorm: Double?
    /// The start point, then the point after each step.
    public var points: [[Double]]
    /// f at each point; `nil` where f is not finite.
    public var losses: [Double?]
    /// ∇f as each step received it: after clipping, before weight decay.
    public var gradients: [[Double]]
    /// DiffGrad family: what the optimizer read as g(t-1) at each step.
    public var previousGradients: [[Double]]?
    /// DiffGrad family: the friction ξ per element at each step.
    public var friction: [[Double]]?
    /// The step (1-based) that made the point non-finite; `points` stop before it.
    public var divergedAtStep: Int?

    public init(
        function: String, optimizer: String, start: [Double], steps: Int, zeroGrad: String,
        clipGradNorm: Double?, points: [[Double]], losses: [Double?], gradients: [[Double]],
        previousGradients: [[Double]]? = nil, friction: [[Double]]? = nil, divergedAtStep: Int? = nil
    ) {
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
}
