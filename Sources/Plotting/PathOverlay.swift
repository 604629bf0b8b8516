/// An optimizer's path over a contour map: the iterates `points[0]` (start) ... `points[n]`.
///
/// A path that leaves the plotted domain is clipped at the border, with a small arrow at each
/// exit. A diverged path (`divergedAtStep` set, or non-finite points) ends with an X at its last
/// finite point, and its legend says "diverged at step k".
public struct PathOverlay: Sendable {
    /// The legend name, e.g. "adam(lr=0.01)".
    public var label: String
    public var points: [Point]
    public var color: Color
    /// Line width in style units (see `FigureStyle.unit`); default 2.5.
    public var width: Double
    /// The loss at the last point, shown in the legend when set.
    public var finalLoss: Double?
    /// The step at which the run diverged, if it did.
    public var divergedAtStep: Int?
    /// Draw only steps `0...visibleSteps` (for animation frames); `nil` draws all.
    public var visibleSteps: Int?
    /// A marker every this many steps; `nil` picks the smallest of 1, 2, 5, 10, 20, ... that keeps
    /// markers at least about 3.5 line widths apart on average. Either way a marker closer than
    /// two marker widths to any one drawn is left out, so slow or oscillating stretches do not blot.
    public var markerEvery: Int?
    /// Drawn as a haze: thin, translucent, without casing or step dots. Figures set it on a path
    /// that wanders among others that do not (see `PathWander`).
    public var drawnAsHaze = false
    /// The colour of each step's segment (step k runs from point k-1 to point k), from a
    /// figure's path colour scale (`Figure.pathColorbar`); nil draws the whole line in `color`.
    /// Markers keep `color`, so that the path's legend entry still names it.
    public var stepColors: [Color]?
    /// Other runs of the same optimizer (seeded noisy runs; this path is their median), drawn
    /// under it as thin translucent lines in its colour, without markers or legend rows.
    public var fan: [[Point]] = []

    public init(
        label: String, points: [Point], color: Color, width: Double = 2.5, finalLoss: Double? = nil, divergedAtStep: Int? = nil,
        visibleSteps: Int? = nil, markerEvery: Int? = nil
    ) {
        self.label = label
        self.points = points
        self.color = color
        self.width = width
        self.finalLoss = finalLoss
        self.divergedAtStep = divergedAtStep
        self.visibleSteps = visibleSteps
        self.markerEvery = markerEvery
    }

    /// The legend line: the label, then "diverged at step k" or "loss v".
    public var legendText: String {
        if let step = divergedAtStep, endsDiverged { return "\(label)  diverged at step \(step)" }
        if let loss = finalLoss, (visibleSteps ?? points.count) >= points.count - 1 { return "\(label)  loss \(TickFormat.compact(loss))" }
        return label
    }

    /// The points drawn: the visible prefix, up to the first non-finite point.
    public var drawnPoints: ArraySlice<Point> {
        let visible = points.prefix((visibleSteps ?? points.count - 1) + 1)
        if let bad = visible.firstIndex(where: { !$0.isFinite }) { return visible[..<bad] }
        return visible
    }

    /// The fan's lines as drawn: each run's visible prefix, up to its first non-finite point.
    public var drawnFan: [ArraySlice<Point>] {
        fan.map { run in
            let visible = run.prefix((visibleSteps ?? run.count - 1) + 1)
            return visible.firstIndex { !$0.isFinite }.map { visible[..<$0] } ?? visible
        }
    }

    /// True when the drawn end is a divergence (declared, or cut short by a non-finite point).
    public var endsDiverged: Bool {
        if let step = divergedAtStep { return visibleSteps.map { step <= $0 } ?? true }
        return drawnPoints.count < min((visibleSteps ?? points.count - 1) + 1, points.count)
    }
}

/// A line-chart series: `ys[i]` against `xs[i]`. Points without a position on the axes' scale
/// (NaN, or ≤ 0 on a log axis) break the line.
public struct Series: Sendable {
    public var label: String?
    public var xs: [Double]
    public var ys: [Double]
    public var style: SeriesStyle
    /// A spread around the line, filled translucent in the line's colour under it; `nil` for none.
    public var band: SeriesBand? = nil

    /// Throws when the arrays differ in length.
    public init(label: String?, xs: [Double], ys: [Double], style: SeriesStyle) throws(PlotError) {
        guard xs.count == ys.count else {
            throw PlotError("series \(label.map { "'\($0)' " } ?? "")has \(xs.count) x values but \(ys.count) y values: give one y per x")
        }
        self.label = label
        self.xs = xs
        self.ys = ys
        self.style = style
    }

    /// A series against 0, 1, 2, ... (steps).
    public init(label: String?, ys: [Double], style: SeriesStyle) {
        self.label = label
        self.xs = ys.indices.map(Double.init)
        self.ys = ys
        self.style = style
    }
}

/// A spread around a series: `lower[i]...upper[i]` at `xs[i]` (e.g. the 10-90 % band of seeded
/// runs); a point without a position on the axes' scale breaks the band.
public struct SeriesBand: Sendable, Equatable {
    public var lower: [Double]
    public var upper: [Double]

    public init(lower: [Double], upper: [Double]) {
        self.lower = lower
        self.upper = upper
    }
}

/// How a series is drawn; widths and marker sizes are in style units.
///
/// To compare two series that may coincide, draw the first as `underlay` (a thick translucent
/// band) and the second as `dashed` on top: when they are equal the dashes run inside the band,
/// and a shift of one step shows as dashes beside it.
public struct SeriesStyle: Hashable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public var opacity: Double
    public var marker: MarkerShape?
    public var markerSize: Double
    public var markerEvery: Int

    public init(color: Color, width: Double = 1.8, dash: [Double] = [], opacity: Double = 1, marker: MarkerShape? = nil, markerSize: Double = 5, markerEvery: Int = 1) {
        self.color = color
        self.width = width
        self.dash = dash
        self.opacity = opacity
        self.marker = marker
        self.markerSize = markerSize
        self.markerEvery = max(1, markerEvery)
    }

    public static func solid(_ color: Color, width: Double = 1.8) -> SeriesStyle { SeriesStyle(color: color, width: width) }
    public static func dashed(_ color: Color, width: Double = 1.5) -> SeriesStyle { SeriesStyle(color: color, width: width, dash: [4, 2.5]) }
    /// A thick translucent band, for the series that another may lie on top of.
    public static func underlay(_ color: Color, width: Double = 6) -> SeriesStyle { SeriesStyle(color: color, width: width, opacity: 0.35) }
    /// Markers only (no line).
    public static func markers(_ color: Color, shape: MarkerShape = .circle, size: Double = 7, every: Int = 1) -> SeriesStyle {
        SeriesStyle(color: color, width: 0, marker: shape, markerSize: size, markerEvery: every)
    }
}
