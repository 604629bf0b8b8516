import Foundation

/// The model builder for line charts: loss curves, distance to the minimum, and the DiffGrad
/// gradient-overlap diagnostics. Several charts make a grid of panels with `grid`.
public struct LineChart: Sendable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var yScale: AxisScale
    /// The x window shown; `nil` fits the data.
    public var xRange: ClosedRange<Double>?
    /// The y range; `nil` fits the data inside the x window.
    public var yRange: ClosedRange<Double>?
    public var series: [Series]
    /// Horizontal reference lines (value, label), drawn dashed grey under the series.
    public var referenceLines: [(y: Double, label: String?)]

    public init(
        title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, yScale: AxisScale = .linear, xRange: ClosedRange<Double>? = nil,
        yRange: ClosedRange<Double>? = nil, series: [Series], referenceLines: [(y: Double, label: String?)] = []
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.yScale = yScale
        self.xRange = xRange
        self.yRange = yRange
        self.series = series
        self.referenceLines = referenceLines
    }

    public func axes() -> Axes {
        var layers: [Layer] = referenceLines.map { .horizontalLine(y: $0.y, style: StrokeStyle(width: 1.2, color: Color(hex: 0x555555), dash: [5, 3]), label: $0.label) }
        layers += series.map(Layer.series)
        return Axes(title: title, xLabel: xLabel, yLabel: yLabel, x: AxisSpec(range: xRange), y: AxisSpec(scale: yScale, range: yRange), gridLines: true, layers: layers)
    }

    /// The chart alone.
    public func figure(width: Int, height: Int) throws(PlotError) -> Figure {
        try Figure(width: width, height: height, panels: [axes()])
    }

    /// Charts in a grid of `columns` columns under an optional figure title.
    public static func grid(_ charts: [LineChart], columns: Int, title: String? = nil, width: Int, height: Int) throws(PlotError) -> Figure {
        try Figure(width: width, height: height, title: title, panels: charts.map { $0.axes() }, columns: columns)
    }
}

extension AxisScale {
    /// A symmetric-log scale whose linear threshold is the power of ten at or below the 10th
    /// percentile of the non-zero magnitudes in `values` (1 when there are none).
    public static func symlog(fitting values: [Double]) -> AxisScale {
        let magnitudes = values.filter { $0.isFinite && $0 != 0 }.map(abs).sorted()
        guard !magnitudes.isEmpty else { return .symlog(linearThreshold: 1) }
        let p10 = magnitudes[magnitudes.count / 10]
        return .symlog(linearThreshold: pow(10, floor(log10(p10))))
    }
}
