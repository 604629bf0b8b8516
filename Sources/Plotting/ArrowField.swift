/// Arrows of one kind at points of a map (the negative gradient, the momentum, the step), all
/// drawn to one scale: an arrow from `origin` to `origin + scale · vector`, in data units.
///
/// One scale per kind, shared by every path, makes the arrows of a kind comparable with each
/// other; kinds whose vectors differ by orders of magnitude (a gradient of 10³ and a step of
/// 10⁻²) each get their own, and the legend states it.
public struct ArrowField: Sendable {
    public var label: String
    public var color: Color
    /// The outline that sets the arrows off the field: white under dark arrows, black under light.
    public var casing: Color
    public var origins: [Point]
    public var vectors: [Point]
    public var scale: Double

    public init(label: String, color: Color, casing: Color, origins: [Point], vectors: [Point], scale: Double) {
        self.label = label
        self.color = color
        self.casing = casing
        self.origins = origins
        self.vectors = vectors
        self.scale = scale
    }

    /// The legend text: the kind and its scale, e.g. `−∇f, drawn ×0.0012`.
    public var legendText: String { "\(label), drawn ×\(TickFormat.compact(scale))" }

    /// The share of the domain's diagonal that a typical arrow spans.
    public static let typicalReach = 0.08

    /// The scale at which the 90th percentile of the finite, non-zero vector lengths spans
    /// `typicalReach` of `diagonal` (data units); 1 when there is no such vector.
    public static func scale(for vectors: [Point], diagonal: Double) -> Double {
        let lengths = vectors.filter(\.isFinite).map { ($0.x * $0.x + $0.y * $0.y).squareRoot() }.filter { $0 > 0 }.sorted()
        guard !lengths.isEmpty else { return 1 }
        let typical = lengths[min(lengths.count - 1, Int(Double(lengths.count) * 0.9))]
        return typicalReach * diagonal / typical
    }

    /// Draws each arrow, its casing under a shaft and head in the kind's colour.
    func draw(transform t: PlotTransform, unit u: Double, on renderer: Renderer) {
        for (origin, vector) in zip(origins, vectors) where origin.isFinite && vector.isFinite {
            Self.drawArrow(from: t.pixel(origin), to: t.pixel(origin + vector * scale), color: color, casing: casing, unit: u, on: renderer)
        }
    }

    /// One arrow in pixels; none when shorter than 1.5 units.
    static func drawArrow(from: Point, to: Point, color: Color, casing: Color, unit u: Double, on renderer: Renderer) {
        let length = from.distance(to: to)
        guard from.isFinite, to.isFinite, length > 1.5 * u else { return }
        let outline = casing.opacity(0.85)
        let head = arrowHead(tip: to, direction: to - from, length: 6.5 * u)
        let base = to - (to - from) * (min(4.5 * u, length) / length)
        renderer.stroke(polyline: [from, base], style: StrokeStyle(width: 3.4 * u, color: outline))
        renderer.stroke(polyline: head, style: StrokeStyle(width: 1.6 * u, color: outline), closed: true)
        renderer.stroke(polyline: [from, base], style: StrokeStyle(width: 1.6 * u, color: color))
        renderer.fill(polygon: head, color: color)
    }
}
