import Plotting
import Trajectories

/// The line charts of a DiffGrad diagnosis: the gradient overlap in two windows, Δg, and ξ.
public enum DiagnosticCharts {
    /// Steps shown in each overlap window.
    public static let windowSteps = 12

    /// g(t) as a thick translucent band and g(t-1) as read dashed on top, over the flattened
    /// index, for steps `window`; a symmetric-log y scale fitted to the values shown. `nil` when
    /// the run is not of the DiffGrad family.
    public static func overlap(_ run: Trajectory, window: Range<Int>, title: String) -> LineChart? {
        guard let gradients = FlattenedGradients(run) else { return nil }
        let indices = gradients.indices(ofSteps: window)
        let xs = indices.map(Double.init)
        let current = Array(gradients.current[indices])
        let previous = Array(gradients.previous[indices])
        let series = [
            try? Series(label: "g(t)", xs: xs, ys: current, style: .underlay(Palette.current, width: 7)),
            try? Series(label: "g(t−1) as read", xs: xs, ys: previous, style: .dashed(Palette.previous, width: 1.8)),
        ].compactMap { $0 }
        let lastIndex = Double(max(indices.upperBound - 1, indices.lowerBound + 1))
        return LineChart(
            title: title, xLabel: "step × P + element  (P = \(gradients.elementsPerStep))", yLabel: "gradient",
            yScale: .symlog(fitting: current + previous), xRange: Double(indices.lowerBound)...lastIndex, series: series)
    }

    /// The two overlap windows of a run: its first steps, and as many steps from its middle.
    public static func overlapWindows(_ run: Trajectory, label: String) -> [LineChart] {
        let steps = run.gradients.count
        let first = 0..<min(windowSteps, steps)
        let laterStart = max(min(steps / 2, steps - windowSteps), first.upperBound)
        var charts = [overlap(run, window: first, title: "\(label): steps 1–\(first.upperBound)")]
        if laterStart < steps {
            let later = laterStart..<min(laterStart + windowSteps, steps)
            charts.append(overlap(run, window: later, title: "\(label): steps \(later.lowerBound + 1)–\(later.upperBound)"))
        }
        return charts.compactMap { $0 }
    }

    /// ξ of every element (up to 12) against the step, with the line ξ = 0.5 where DiffGrad is
    /// Adam at half its learning rate.
    public static func friction(_ run: Trajectory, title: String) -> LineChart? {
        guard let friction = run.friction, friction.count > 0 else { return nil }
        let series = elementSeries(friction, label: "ξ")
        let values = friction.storage.filter(\.isFinite)
        let top = max(1, values.max() ?? 1)
        let bottom = min(0, values.min() ?? 0)
        return LineChart(
            title: title, xLabel: "step", yLabel: "friction ξ", yRange: bottom...(top + 0.05 * (top - bottom)),
            series: series, referenceLines: [(y: 0.5, label: "ξ = 0.5 (Adam at ½ lr)")])
    }

    /// Δg = g(t) − g(t−1) as read, per element (up to 12), on a symmetric-log scale.
    public static func gradientChange(_ run: Trajectory, title: String) -> LineChart? {
        guard let previous = run.previousGradients else { return nil }
        let steps = min(previous.count, run.gradients.count)
        var change = VectorSeries(dimension: run.gradients.dimension)
        for step in 0..<steps { change.append(zip(run.gradients[step], previous[step]).map { $0 - $1 }) }
        return LineChart(
            title: title, xLabel: "step", yLabel: "Δg = g(t) − g(t−1)", yScale: .symlog(fitting: change.storage),
            series: elementSeries(change, label: "Δg"))
    }

    /// One series per element against steps 1, 2, ...; at most 12 elements.
    private static func elementSeries(_ values: VectorSeries, label: String) -> [Series] {
        (0..<min(values.dimension, 12)).compactMap { element in
            let ys = values.map { $0[element] }
            let name = values.dimension == 1 ? label : "\(label) element \(element)"
            return try? Series(
                label: name, xs: ys.indices.map { Double($0 + 1) }, ys: ys, style: .solid(PathPalette.color(element), width: 1.6))
        }
    }

    /// The two colours of the overlap plot: a light blue band and a dark orange dash.
    enum Palette {
        static let current = Color(hex: 0x0072B2)
        static let previous = Color(hex: 0xD55E00)
    }
}
