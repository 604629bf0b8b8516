import Optimizers
import Trajectories
import Tuning

/// K seeded runs of one optimizer on one function (noisy gradients, seeds s, s+1, ...): the map
/// draws them as a fan with the median run bold; curves draw the pointwise median and the
/// 10-90 % band.
///
/// The **median run** is an actual path: the runs ranked by final loss (a diverged run or a
/// non-finite loss ranks last, ties by seed), and the ⌈K/2⌉-th taken (the lower median for an
/// even K). A pointwise median of points would be a path no run took. The curves' **median and
/// band** are pointwise: at step k, the nearest-rank quantile q of the K values,
/// v_(⌈q·K⌉) in ascending order, where a run that has stopped (diverged) counts as +∞.
public struct RunFan: Sendable {
    /// The runs, in seed order; at least one.
    public let runs: [Trajectory]

    public init(runs: [Trajectory]) throws(SceneError) {
        guard !runs.isEmpty else { throw SceneError("a fan needs at least one run") }
        self.runs = runs
    }

    /// The position in `runs` of the median run (see the type's documentation).
    public var medianIndex: Int {
        func rank(_ run: Trajectory) -> Double {
            guard run.divergedAtStep == nil, let loss = run.losses.last ?? nil, loss.isFinite else { return .infinity }
            return loss
        }
        let order = runs.indices.sorted { a, b in
            let (x, y) = (rank(runs[a]), rank(runs[b]))
            return x != y ? x < y : a < b
        }
        return order[(runs.count + 1) / 2 - 1]
    }

    /// The median run drawn bold under `label`, with every other run as its fan.
    public func plottedPath(of spec: OptimizerSpec, label: String) -> PlottedPath {
        let median = medianIndex
        var path = PlottedPath(runs[median], spec: spec)
        path.label = label
        path.fan = runs.indices.filter { $0 != median }.map { runs[$0].points.rows }
        return path
    }

    /// The pointwise nearest-rank quantile q (0 < q ≤ 1) of `value(run, k)` over the runs, for
    /// k = 0 ... the longest run's last index; a run without a finite value at k counts as +∞.
    public func quantile(_ q: Double, of value: (Trajectory, Int) -> Double?) -> [Double] {
        let length = runs.map(\.losses.count).max() ?? 0
        let rank = max(1, min(runs.count, Int((q * Double(runs.count)).rounded(.up))))
        return (0..<length).map { k in
            let values = runs.map { run in value(run, k).flatMap { $0.isFinite ? $0 : nil } ?? .infinity }.sorted()
            return values[rank - 1]
        }
    }
}
