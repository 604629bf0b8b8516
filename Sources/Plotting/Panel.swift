/// A kind of panel a figure's grid holds: it lays itself out in its grid cell and draws itself.
///
/// `Axes` (a 2-D plot) is the first kind and `SurfacePanel` (a 3-D surface) the second. The
/// figure lays out the grid, the legends set below the panels and the colorbar; a panel places
/// everything inside its cell.
public protocol Panel: Sendable {
    var title: String? { get }
    /// Show a legend of the labelled layers.
    var showsLegend: Bool { get set }
    var legendPlacement: LegendPlacement { get }

    /// The panel's geometry in `cell`, which keeps `context.reserveBelow` free at its bottom for
    /// a legend set below.
    func layout(in cell: Rect, context: PanelContext) -> PanelLayout
    /// Draws the panel as laid out.
    func draw(_ layout: PanelLayout, style: FigureStyle, on renderer: Renderer)
}

/// What the panels of one figure share when each lays itself out: the style and the text
/// measures, the margins that align the 2-D plots, and the panel titles fitted to one size.
public struct PanelContext {
    public var style: FigureStyle
    public var measurer: TextMeasuring
    public var margins: AxesMargins
    /// This panel's title lines (top first) and their style.
    public var titleLines: [String]
    public var titleStyle: TextStyle
    /// Room kept free under the plot for a legend set below it.
    public var reserveBelow: Double

    func measure(_ text: String, _ style: TextStyle) -> TextExtent { measurer.measure(text, style: style) }
}

extension Figure {
    /// The 2-D panels, in grid order.
    public var axes: [Axes] { panels.compactMap { $0 as? Axes } }
}
