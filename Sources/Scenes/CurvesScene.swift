import Objectives
import Optimizers
import Plotting
import Trajectories
import Tuning

/// Loss and distance to the nearest minimum against the step, on log axes, for several runs:
/// the chart of `trajviz curves` and of the gallery.
public struct CurvesScene: Sendable {
    public let function: FunctionDefinition
    /// The runs, each with its legend label.
    public let runs: [(label: String, run: Trajectory)]
    /// For each run, its seeded runs when it stands for several (`nil` for one): the chart then
    /// draws their pointwise median with the 10-90 % band instead of the run.
    public let fans: [RunFan?]

    /// The quantiles a fan's band spans.
    public static let bandQuantiles = (lower: 0.1, upper: 0.9)

    public init(function: FunctionDefinition, runs: [(label: String, run: Trajectory)], fans: [RunFan?] = []) throws(SceneError) {
        guard !runs.isEmpty else { throw SceneError("curves need at least one run") }
        guard runs.count <= PathPalette.colors.count else {
            throw SceneError("\(runs.count) runs are too many for one chart (at most \(PathPalette.colors.count)); split them")
        }
        guard fans.isEmpty || fans.count == runs.count else { throw SceneError("curves need one fan (or none) per run") }
        self.function = function
        self.runs = runs
        self.fans = fans.isEmpty ? Array(repeating: nil, count: runs.count) : fans
    }

    /// The series of run `index`: `value(run, k)` of the run, or of a fan its pointwise median
    /// over the band of `bandQuantiles`.
    private func series(_ index: Int, value: (Trajectory, Int) -> Double?) -> Series {
        let (label, run) = runs[index]
        let style = SeriesStyle.solid(PathPalette.color(index), width: 1.8)
        guard let fan = fans[index], fan.runs.count > 1 else {
            return Series(label: label, ys: run.losses.indices.map { value(run, $0) ?? .nan }, style: style)
        }
        var series = Series(label: label, ys: fan.quantile(0.5, of: value), style: style)
        series.band = SeriesBand(lower: fan.quantile(Self.bandQuantiles.lower, of: value), upper: fan.quantile(Self.bandQuantiles.upper, of: value))
        return series
    }

    /// f(x_k) − f* when the minimum value is known (so that the log axis reaches it), else f(x_k).
    public func lossChart(title: String? = nil) -> LineChart {
        let floor = function.minimumValue
        let series = runs.indices.map { index in
            self.series(index) { run, k in
                guard k < run.losses.count, let loss = run.losses[k] else { return nil }
                return floor.map { max(loss - $0, 0) } ?? loss
            }
        }
        let allPositive = series.allSatisfy { $0.ys.allSatisfy { !$0.isFinite || $0 > 0 } }
        let yLabel = floor == nil ? "f(x)" : "f(x) − f*"
        return LineChart(
            title: title ?? "Loss on \(function.title)", xLabel: "step", yLabel: yLabel,
            yScale: allPositive || floor != nil ? .log : .symlog(fitting: series.flatMap(\.ys)), series: series)
    }

    /// The distance to the nearest known minimum; `nil` when the function has none.
    public func distanceChart(title: String? = nil) -> LineChart? {
        guard !function.minima.isEmpty else { return nil }
        let series = runs.indices.map { index in
            self.series(index) { run, k in
                k < run.points.count ? squaredDistanceToNearest(run.points[k], of: function.minima)?.squareRoot() : nil
            }
        }
        return LineChart(
            title: title ?? "Distance to the nearest minimum", xLabel: "step", yLabel: "‖x − x*‖", yScale: .log, series: series)
    }

    /// The lr each step used against the step (step k at x = k): a scheduled run's recorded
    /// `learningRates`, or its optimizer's constant lr. `nil` when no run has a schedule and all
    /// lrs are the same, or when a run's lr is not known (a recorded file without a schedule).
    public func learningRateChart(title: String? = nil) throws(PlotError) -> LineChart? {
        let rates = runs.map { entry -> [Double]? in
            if let rates = entry.run.learningRates { return rates }
            guard let lr = (try? OptimizerSpec(parsing: entry.run.optimizer))?.value(of: .lr) else { return nil }
            return Array(repeating: lr, count: entry.run.gradients.count)
        }
        let scheduled = runs.contains { $0.run.learningRates != nil }
        let known = rates.compactMap { $0 }
        guard known.count == rates.count, scheduled || Set(known.compactMap(\.first)).count > 1 else { return nil }
        var series: [Series] = []
        for (index, ys) in known.enumerated() {
            series.append(
                try Series(
                    label: runs[index].label, xs: ys.indices.map { Double($0 + 1) }, ys: ys,
                    style: .solid(PathPalette.color(index), width: 1.8)))
        }
        let positive = known.allSatisfy { $0.allSatisfy { $0 > 0 } }
        return LineChart(
            title: title ?? "Learning rate", xLabel: "step", yLabel: "lr", yScale: positive ? .log : .linear, series: series)
    }

    /// The charts side by side: loss, distance (when there is a known minimum) and lr (when
    /// `learningRateChart` has one).
    public func figure(width: Int = 1400, height: Int = 560) throws(PlotError) -> Figure {
        let charts = [lossChart()] + [distanceChart(), try learningRateChart()].compactMap { $0 }
        return try LineChart.grid(charts, columns: charts.count, title: function.title, width: width, height: height)
    }
}
