import Trajectories

/// The gradients of a run laid end to end, as the review that found DiffGrad's bug plotted them:
/// element `e` of step `t` (0-based) sits at index `t × P + e`, where P is the number of
/// parameter elements. An aliased previous gradient then lies on the current one; a correct one
/// is the current series shifted right by P.
public struct FlattenedGradients: Sendable, Equatable {
    /// P: the number of parameter elements per step.
    public let elementsPerStep: Int
    /// g(t), flattened.
    public let current: [Double]
    /// g(t-1) as the optimizer read it, flattened.
    public let previous: [Double]

    /// `nil` when the run has no previous gradients (not a DiffGrad-family run).
    public init?(_ run: Trajectory) {
        guard let previousGradients = run.previousGradients else { return nil }
        let steps = min(run.gradients.count, previousGradients.count)
        elementsPerStep = run.gradients.dimension
        current = Array(run.gradients.storage.prefix(steps * elementsPerStep))
        previous = Array(previousGradients.storage.prefix(steps * elementsPerStep))
    }

    /// The number of steps covered.
    public var steps: Int { elementsPerStep == 0 ? 0 : current.count / elementsPerStep }

    /// The flattened indices of steps `steps` (clamped to the run).
    public func indices(ofSteps steps: Range<Int>) -> Range<Int> {
        let lower = min(max(steps.lowerBound, 0), self.steps) * elementsPerStep
        let upper = min(max(steps.upperBound, 0), self.steps) * elementsPerStep
        return lower..<max(lower, upper)
    }
}
