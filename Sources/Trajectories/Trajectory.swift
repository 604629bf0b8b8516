import Foundation

/// One optimizer run: the points it visited and what the optimizer saw at each step.
///
/// The JSON form is the reference trajectories' format (`zero_grad`, `clip_grad_norm`, the
/// rest in camel case); `jsonData()` and `decoded(from:)` read and write it.
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
    /// The step (1-based) that made the point non-finite; `points` stop before it.
    public var divergedAtStep: Int?

    enum CodingKeys: String, CodingKey {
        case function, optimizer, start, steps
        case zeroGrad = "zero_grad"
        case clipGradNorm = "clip_grad_norm"
        case points, losses, gradients, previousGradients, friction, divergedAtStep
    }

    public init(
        function: String, optimizer: String, start: [Double], steps: Int, zeroGrad: String,
        clipGradNorm: Double?, points: VectorSeries, losses: [Double?], gradients: VectorSeries,
        previousGradients: VectorSeries? = nil, friction: VectorSeries? = nil, divergedAtStep: Int? = nil
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

    /// The run as JSON in the reference format; non-finite gradients are written as the strings
    /// `"Infinity"`, `"-Infinity"` and `"NaN"`.
    public func jsonData(prettyPrinted: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted ? [.prettyPrinted, .sortedKeys] : [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(self)
    }

    /// A run read from JSON in the reference format.
    public static func decoded(from data: Data) throws -> Trajectory {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(Trajectory.self, from: data)
    }
}
