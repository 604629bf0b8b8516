import Trajectories

/// The gradients of a run laid end to end, as the review that found DiffGrad's bug plotted them:
/// element `e` of step `t` (0-based) sits at index `t × P + e`, where P is the number of
/// elements drawn per step (every parameter element, or the `ElementSample` of a large run).
/// An aliased previous gradient then lies on the current one; a correct one is the current
/// series shifted right by P.
public struct FlattenedGradients: Sendable, Equatable {
    /// The elements drawn.
    public let sample: ElementSample
    /// g(t) of the drawn elements, flattened.
    public let current: [Double]
    /// g(t-1) as the optimizer read it, of the drawn elements, flattened.
    public let previous: [Double]

    /// `nil` when the run has no previous gradients (not a DiffGrad-family run).
    public init?(_ run: Trajectory) {
        guard let previousGradients = run.previousGradients else { return nil }
        let steps = min(run.gradients.count, previousGradients.count)
        let sample = ElementSample(total: run.gradients.dimension)
        func flattened(_ series: VectorSeries) -> [Double] {
            series.prefix(steps).flatMap { row in sample.elements.map { row[$0] } }
        }
        self.sample = sample
        current = flattened(run.gradients)
        previous = flattened(previousGradients)
    }

    /// P: the elements drawn per step.
    public var elementsPerStep: Int { sample.elements.count }

    /// The number of steps covered.
    public var steps: Int { elementsPerStep == 0 ? 0 : current.count / elementsPerStep }

    /// The flattened indices of steps `steps` (clamped to the run).
    public func indices(ofSteps steps: Range<Int>) -> Range<Int> {
        let lower = min(max(steps.lowerBound, 0), self.steps) * elementsPerStep
        let upper = min(max(steps.upperBound, 0), self.steps) * elementsPerStep
        return lower..<max(lower, upper)
    }
}
