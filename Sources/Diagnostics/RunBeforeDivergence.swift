import Trajectories

extension Trajectory {
    /// The first step (1-based) that diverged, by the runner's rule: its gradient, the g(t−1)
    /// or ξ it read, or the point it reached is not finite, or the loss at the point it started
    /// from is not (so a loss that overflows after step s makes step s + 1 the divergent one).
    /// The runner stops there itself; a recorded run may carry any of these.
    public var firstNonFiniteStep: Int? {
        func finite(_ values: [Double]) -> Bool { values.allSatisfy(\.isFinite) }
        func finite(_ series: VectorSeries?, _ index: Int) -> Bool {
            guard let series, index < series.count else { return true }
            return finite(series[index])
        }
        func finiteLoss(_ index: Int) -> Bool { index >= losses.count || losses[index].map(\.isFinite) ?? false }
        if !finite(points, 0) || gradients.count > 0 && !finiteLoss(0) { return 1 }
        for step in 1...max(1, gradients.count) {
            let index = step - 1
            if !finite(gradients, index) || !finite(previousGradients, index) || !finite(friction, index)
                || !finite(points, step)
            {
                return step
            }
            if step < gradients.count, !finiteLoss(step) { return step + 1 }
        }
        return nil
    }

    /// The run cut before it diverged, so that every panel shows only data from finite steps:
    /// with d the earlier of `divergedAtStep` and `firstNonFiniteStep`, the points and losses
    /// up to the point after step d − 1, and the gradients, g(t−1) and ξ of steps 1...d − 1;
    /// `divergedAtStep` is d. A run that never diverged is returned as it is.
    public func beforeDivergence() -> Trajectory {
        guard let step = [divergedAtStep, firstNonFiniteStep].compactMap({ $0 }).min() else { return self }
        func prefix(_ series: VectorSeries, _ count: Int) -> VectorSeries {
            guard series.dimension > 0 else { return series }
            return VectorSeries(dimension: series.dimension, storage: Array(series.storage.prefix(count * series.dimension)))
        }
        var clipped = self
        clipped.points = prefix(points, step)
        clipped.losses = Array(losses.prefix(step))
        clipped.gradients = prefix(gradients, step - 1)
        clipped.previousGradients = previousGradients.map { prefix($0, step - 1) }
        clipped.friction = friction.map { prefix($0, step - 1) }
        clipped.divergedAtStep = step
        return clipped
    }
}
