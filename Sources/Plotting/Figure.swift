/// A whole image: panels (2-D axes, 3-D surfaces; see `Panel`) laid out in a grid, an optional shared colorbar on the right
/// and an optional title. Pure data; `FigureLayout` turns it into pixel geometry and
/// `draw(on:)` hands it to a renderer.
public struct Figure: Sendable {
    public var width: Int
    public var height: Int
    public var title: String?
    public var panels: [any Panel]
    /// Panels per row; rows fill top to bottom.
    public var columns: Int
    public var colorbar: Colorbar?
    public var style: FigureStyle
    /// A second colorbar, right of the first: the scale paths are coloured by (step or lr).
    public var pathColorbar: Colorbar?

    /// Throws when the size is empty or beyond `ImageSizeLimit`, or there are no panels.
    public init(
        width: Int, height: Int, title: String? = nil, panels: [any Panel], columns: Int = 1, colorbar: Colorbar? = nil,
        style: FigureStyle? = nil
    ) throws(PlotError) {
        try ImageSizeLimit.validate(width: width, height: height)
        guard !panels.isEmpty else { throw PlotError("a figure needs at least one panel") }
        guard columns >= 1 else { throw PlotError("a figure needs at least one column of panels, got \(columns)") }
        self.width = width
        self.height = height
        self.title = title
        self.panels = panels
        self.columns = min(columns, panels.count)
        self.colorbar = colorbar
        self.style = style ?? FigureStyle(width: width, height: height, panelRows: (panels.count + columns - 1) / columns)
    }
}

/// Sizes and colours shared by a figure. `unit` is the width unit for lines and markers:
/// line widths in layers are multiples of it, so figures scale with their pixel size.
public struct FigureStyle: Hashable, Sendable {
    /// Tick-label size in pixels; labels, titles and legends are fixed multiples of it.
    public var fontSize: Double
    public var background: Color
    /// The colour of masked (non-finite) cells of a field.
    public var maskColor: Color

    public init(fontSize: Double, background: Color = .white, maskColor: Color = Color(hex: 0xE4E4E4)) {
        self.fontSize = fontSize
        self.background = background
        self.maskColor = maskColor
    }

    /// The default style: a font of `sqrt(width * height) / 60` pixels (clamped to 12...28),
    /// 15% smaller when there are several rows of panels.
    public init(width: Int, height: Int, panelRows: Int) {
        let base = (Double(width) * Double(height)).squareRoot() / 60 * (panelRows > 1 ? 0.85 : 1)
        self.init(fontSize: min(max(base, 12), 28))
    }

    public var unit: Double { fontSize / 14 }
    public var labelSize: Double { fontSize * 1.1 }
    public var titleSize: Double { fontSize * 1.2 }
    public var figureTitleSize: Double { fontSize * 1.35 }
    public var legendSize: Double { fontSize * 0.9 }
}

/// One axis of a panel: its scale and data range (`nil` = fitted to the layers).
public struct AxisSpec: Hashable, Sendable {
    public var scale: AxisScale
    public var range: ClosedRange<Double>?

    public init(scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
        self.scale = scale
        self.range = range
    }
}

/// One plot area with its axes, labels and layers (drawn in order, clipped to the plot area).
public struct Axes: Sendable {
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var x: AxisSpec
    public var y: AxisSpec
    /// One data unit is as long on x as on y (linear axes only), as a map should be.
    public var equalAspect: Bool
    /// Light reference lines at the ticks, under the layers (for charts).
    public var gridLines: Bool
    public var layers: [Layer]
    /// Show a legend of the labelled layers.
    public var showsLegend: Bool
    /// Where the legend goes: `.automatic` puts it in the plot corner or edge where it hides the
    /// least, or below the plot when every position inside would hide part of a line.
    public var legendPlacement: LegendPlacement

    public init(
        title: String? = nil, xLabel: String? = nil, yLabel: String? = nil, x: AxisSpec = AxisSpec(), y: AxisSpec = AxisSpec(),
        equalAspect: Bool = false, gridLines: Bool = false, layers: [Layer] = [], showsLegend: Bool = true,
        legendPlacement: LegendPlacement = .automatic
    ) {
        self.legendPlacement = legendPlacement
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.x = x
        self.y = y
        self.equalAspect = equalAspect
        self.gridLines = gridLines
        self.layers = layers
        self.showsLegend = showsLegend
    }
}

/// Where a panel's legend goes.
public enum LegendPlacement: String, Hashable, Sendable, CaseIterable {
    case automatic
    case inside
    case below
}

/// What a panel draws, in order.
public enum Layer: Sendable {
    /// A filled colour field of a grid (bands or smooth).
    case field(ScalarGrid, ColorScale)
    /// Iso-lines of a grid at the given levels.
    case isolines(ScalarGrid, levels: [Double], style: StrokeStyle)
    /// An optimizer path with its markers.
    case path(PathOverlay)
    /// A line-chart series.
    case series(Series)
    /// Global minima, drawn as stars; labelled "global minimum" in the legend.
    case minima([Point])
    /// A horizontal reference line at `y` (e.g. ξ = 0.5), with an optional legend label.
    case horizontalLine(y: Double, style: StrokeStyle, label: String?)
    /// Arrows of one kind, to one scale (the optimizer's insides along a path).
    case arrows(ArrowField)
}

/// A colorbar for a colour scale, drawn to the right of the panels.
public struct Colorbar: Sendable {
    public var scale: ColorScale
    public var label: String?

    public init(scale: ColorScale, label: String? = nil) {
        self.scale = scale
        self.label = label
    }
}
