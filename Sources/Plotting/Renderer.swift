/// Where a text's anchor point sits horizontally on the text.
public enum HorizontalAnchor: Sendable { case left, center, right }
/// Where a text's anchor point sits vertically on the text.
public enum VerticalAnchor: Sendable { case top, middle, baseline, bottom }

/// The look of a run of text; `size` is the em size in pixels.
public struct TextStyle: Hashable, Sendable {
    public var size: Double
    public var color: Color
    public var bold: Bool

    public init(size: Double, color: Color = .black, bold: Bool = false) {
        self.size = size
        self.color = color
        self.bold = bold
    }
}

/// The look of a stroked line: width in pixels, round caps and joins, optional dash pattern
/// (alternating on and off lengths in pixels, starting with on).
public struct StrokeStyle: Hashable, Sendable {
    public var width: Double
    public var color: Color
    public var dash: [Double]

    public init(width: Double, color: Color, dash: [Double] = []) {
        self.width = width
        self.color = color
        self.dash = dash
    }
}

/// Measures text as it will be drawn.
public protocol TextMeasuring {
    func measure(_ text: String, style: TextStyle) -> TextExtent
}

/// The drawing surface the figure draw pass hands primitives to. Coordinates are pixels, with
/// y growing downwards; all drawing is anti-aliased and composited over what is there.
public protocol Renderer: TextMeasuring {
    /// Fills a polygon (non-zero winding; closed implicitly).
    func fill(polygon: [Point], color: Color)
    /// Strokes an open polyline, or a closed one when `closed`.
    func stroke(polyline: [Point], style: StrokeStyle, closed: Bool)
    /// Draws text with its anchor at `point`, rotated `rotation` degrees counter-clockwise
    /// about the anchor.
    func text(_ text: String, at point: Point, style: TextStyle, horizontal: HorizontalAnchor, vertical: VerticalAnchor, rotation: Double)
    /// Draws `raster` scaled to fill `rect`.
    func draw(raster: Raster, in rect: Rect)
    /// Restricts drawing to `rect`, or lifts the restriction with `nil`.
    func clip(to rect: Rect?)
}

extension Renderer {
    /// Fills an axis-aligned rectangle.
    public func fill(rect: Rect, color: Color) {
        fill(polygon: [Point(rect.minX, rect.minY), Point(rect.maxX, rect.minY), Point(rect.maxX, rect.maxY), Point(rect.minX, rect.maxY)], color: color)
    }

    /// Strokes an open polyline.
    public func stroke(polyline: [Point], style: StrokeStyle) { stroke(polyline: polyline, style: style, closed: false) }
}
