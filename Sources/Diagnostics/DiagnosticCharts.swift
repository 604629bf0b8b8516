import Plotting
import Trajectories

/// The line charts of a DiffGrad diagnosis: the gradient overlap in two windows, |Δg| on a log
/// scale, the fraction of elements with Δg = 0, and ξ. Runs of more than
/// `ElementSample.allUpTo` elements draw a sample of them and say so in the titles.
public enum DiagnosticCharts {
    /// Steps shown in each overlap window.
    public static let windowSteps = 12
    /// Element lines get a legend row each up to this many; beyond, the title counts them.
    public static let labelledElements = 6

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
        let sample = gradients.sample
        let xLabel = sample.isSampled
            ? "step × \(gradients.elementsPerStep) + sampled element  (\(sample.description))"
            : "step × P + element  (P = \(gradients.elementsPerStep))"
        return LineChart(
            title: title, xLabel: xLabel, yLabel: "gradient",
            yScale: .symlog(fitting: current + previous), xRange: Double(indices.lowerBound)...lastIndex, series: series)
    }

    /// The two overlap windows of a run: its first steps, and as many steps from its middle;
    /// the titles count the elements drawn when they are a sample.
    public static func overlapWindows(_ run: Trajectory, label labelText: String) -> [LineChart] {
        let sample = ElementSample(total: run.gradients.dimension)
        let label = sample.isSampled ? "\(labelText) (\(sample.description))" : labelText
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

    /// ξ of every drawn element against the step, with the line ξ = 0.5 where DiffGrad is Adam
    /// at half its learning rate.
    public static func friction(_ run: Trajectory, title: String) -> LineChart? {
        guard let friction = run.friction, friction.count > 0 else { return nil }
        let sample = ElementSample(total: friction.dimension)
        let values = friction.storage.filter(\.isFinite)
        let top = max(1, values.max() ?? 1)
        let bottom = min(0, values.min() ?? 0)
        let lines = sample.elements.map { element in
            ElementLine(element: element, label: "ξ", values: friction.map { $0[element] }, sample: sample)
        }
        return LineChart(
            title: titled(title, sample), xLabel: "step", yLabel: "friction ξ", yRange: bottom...(top + 0.05 * (top - bottom)),
            series: lines.compactMap { $0.series(ys: $0.values, width: 1.6) }, referenceLines: [(y: 0.5, label: "ξ = 0.5 (Adam at ½ lr)")])
    }

    /// |Δg| = |g(t) − g(t−1) as read| against the step on a log scale, per drawn element (for a
    /// sampled run: the median and the largest over all elements). Exact zeros, which after step
    /// 1 only aliasing gives, are drawn as dots on the grey band below the axis (`ZeroBand`).
    public static func gradientChange(_ run: Trajectory, title: String) -> LineChart? {
        guard let change = GradientChange(run) else { return nil }
        let sample = ElementSample(total: change.values.dimension)
        let lines: [ElementLine]
        if sample.isSampled {
            lines = [
                ElementLine(label: "median |Δg| of \(sample.total) elements", values: change.medianMagnitudes, color: Palette.median),
                ElementLine(label: "largest |Δg|", values: change.maxMagnitudes, color: Palette.largest),
            ]
        } else {
            lines = sample.elements.map { ElementLine(element: $0, label: "|Δg|", values: change.magnitudes(of: $0), sample: sample) }
        }
        let band = ZeroBand(fitting: lines.flatMap(\.values))
        let steps = [1, Double(max(change.values.count, 2))]
        var series = [try? Series(label: "|Δg| = 0 exactly (grey band)", xs: steps, ys: [band.level, band.level], style: .underlay(Palette.zeroBand, width: 9))]
        for line in lines {
            series.append(line.series(ys: band.line(line.values), width: 1.6))
            series.append(try? Series(label: nil, xs: line.steps, ys: band.markers(line.values), style: .markers(line.color, size: 4.5)))
        }
        return LineChart(
            title: sample.isSampled ? title : titled(title, sample), xLabel: "step", yLabel: "|Δg| = |g(t) − g(t−1) as read|",
            yScale: .log, yRange: band.range, series: series.compactMap { $0 })
    }

    /// Per step, the fraction of all elements whose Δg is exactly zero: 1 from step 2 on under
    /// aliasing, near 0 otherwise. The summary of a run too large to draw element by element.
    public static func zeroChangeFraction(_ run: Trajectory, title: String) -> LineChart? {
        guard let change = GradientChange(run), change.values.count > 0 else { return nil }
        let line = ElementLine(label: "all \(change.values.dimension) elements", values: change.zeroFractions, color: Palette.largest)
        return LineChart(
            title: title, xLabel: "step", yLabel: "fraction with Δg = 0", yRange: -0.05...1.05,
            series: [line.series(ys: line.values, width: 1.6)].compactMap { $0 })
    }

    /// `title` with the number of elements drawn when a legend does not list them.
    private static func titled(_ title: String, _ sample: ElementSample) -> String {
        sample.elements.count > labelledElements ? "\(title) (\(sample.description))" : title
    }

    /// One line against steps 1, 2, ...: an element's values, or a summary over elements.
    private struct ElementLine {
        let label: String?
        let values: [Double]
        let color: Color

        init(label: String?, values: [Double], color: Color) {
            self.label = label
            self.values = values
            self.color = color
        }

        /// Element `element`'s line, named in the legend only when few elements are drawn.
        init(element: Int, label: String, values: [Double], sample: ElementSample) {
            let named = sample.elements.count <= DiagnosticCharts.labelledElements
            self.init(
                label: !named ? nil : sample.total == 1 ? label : "\(label) element \(element)", values: values,
                color: PathPalette.color(sample.elements.firstIndex(of: element) ?? element))
        }

        var steps: [Double] { values.indices.map { Double($0 + 1) } }

        func series(ys: [Double], width: Double) -> Series? {
            try? Series(label: label, xs: steps, ys: ys, style: .solid(color, width: width))
        }
    }

    /// The colours of the diagnosis: a light blue band and a dark orange dash for the overlap,
    /// and the summary lines and zero band of |Δg|.
    enum Palette {
        static let current = Color(hex: 0x0072B2)
        static let previous = Color(hex: 0xD55E00)
        static let median = Color(hex: 0x0072B2)
        static let largest = Color(hex: 0x222222)
        static let zeroBand = Color(hex: 0x888888)
    }
}
