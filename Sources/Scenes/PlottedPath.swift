import Optimizers
import Trajectories

/// A path to draw on a map: an optimizer run of ours, or points read from a file.
public struct PlottedPath: Sendable {
    /// The legend name: the spec with its learning rate, or the file's name.
    public var label: String
    /// The start point, then one point per step.
    public var points: [[Double]]
    /// The loss at the last point, when known and finite.
    public var finalLoss: Double?
    /// The step that made the run non-finite, if it did.
    public var divergedAtStep: Int?
    /// ∇f as each step received it, when known.
    public var gradients: [[Double]]?
    /// The first moment or momentum buffer after each step, when recorded.
    public var firstMoments: [[Double]]?
    /// The lr each step used, when known: a scheduled run's record, or its spec's constant lr.
    public var learningRates: [Double]?
    /// Other seeded runs of the same optimizer, drawn thin under this one (see `RunFan`).
    public var fan: [[[Double]]] = []

    public init(label: String, points: [[Double]], finalLoss: Double? = nil, divergedAtStep: Int? = nil) {
        self.label = label
        self.points = points
        self.finalLoss = finalLoss
        self.divergedAtStep = divergedAtStep
    }

    /// A run of ours, labelled with its spec and learning rate (`adam(lr=0.001)` when lr was
    /// left at its default).
    public init(_ run: Trajectory, spec: OptimizerSpec) {
        self.init(run, label: Self.label(for: spec))
        if learningRates == nil, let lr = spec.value(of: .lr) { learningRates = Array(repeating: lr, count: run.gradients.count) }
    }

    /// A run of ours under the given legend name.
    public init(_ run: Trajectory, label: String) {
        self.init(label: label, points: run.points.rows, finalLoss: run.losses.last ?? nil, divergedAtStep: run.divergedAtStep)
        gradients = run.gradients.count > 0 ? run.gradients.rows : nil
        firstMoments = run.firstMoments.flatMap { $0.count > 0 ? $0.rows : nil }
        learningRates = run.learningRates
    }

    /// The spec as given, with the learning rate written out when the spec left it at its default.
    public static func label(for spec: OptimizerSpec) -> String {
        let text = spec.description
        guard spec.givenValue(of: .lr) == nil, let learningRate = spec.value(of: .lr) else { return text }
        let lr = "lr=\(learningRate)"
        return text.hasSuffix(")") ? String(text.dropLast()) + ", \(lr))" : "\(text)(\(lr))"
    }
}
