import Trajectories

/// Δg = g(t) − g(t−1) as read, per step and element. After step 1 it is exactly zero only
/// when the optimizer read the current gradient as the previous one (the aliasing bug): a
/// gradient that changes by one part in 10¹⁵ per step still gives a non-zero Δg, which a plot
/// of g(t) against g(t−1) cannot show on a smooth function.
public struct GradientChange: Sendable, Equatable {
    /// Δg of each step (rows) and element (columns).
    public let values: VectorSeries

    /// `nil` when the run has no previous gradients (not a DiffGrad-family run).
    public init?(_ run: Trajectory) {
        guard let previous = run.previousGradients else { return nil }
        var values = VectorSeries(dimension: run.gradients.dimension)
        for step in 0..<min(previous.count, run.gradients.count) {
            values.append(zip(run.gradients[step], previous[step]).map { $0 - $1 })
        }
        self.values = values
    }

    /// |Δg| of `element` at each step.
    public func magnitudes(of element: Int) -> [Double] { values.map { abs($0[element]) } }

    /// Per step, the fraction of elements whose Δg is exactly zero.
    public var zeroFractions: [Double] {
        values.map { row in Double(row.count { $0 == 0 }) / Double(max(row.count, 1)) }
    }

    /// Per step, the median |Δg| over the elements (the mean of the middle two for an even count).
    public var medianMagnitudes: [Double] {
        values.map { row in
            let sorted = row.map(abs).sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    /// Per step, the largest |Δg| over the elements.
    public var maxMagnitudes: [Double] { values.map { $0.map(abs).max() ?? 0 } }
}
