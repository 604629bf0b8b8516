import Testing
@testable import Plotting

/// A renderer that records what it strokes (open lines and closed outlines) and fills, in order.
final class StrokeRecorder: Renderer {
    var lines: [StrokeStyle] = []
    var outlines: [StrokeStyle] = []
    var fills: [Color] = []
    /// The colours of the open lines.
    var strokes: [Color] { lines.map(\.color) }
    func fill(polygon: [Point], color: Color) { fills.append(color) }
    func stroke(polyline: [Point], style: StrokeStyle, closed: Bool) {
        if closed { outlines.append(style) } else { lines.append(style) }
    }
    func text(_ text: String, at point: Point, style: TextStyle, horizontal: HorizontalAnchor, vertical: VerticalAnchor, rotation: Double) {}
    func draw(raster: Raster, in rect: Rect) {}
    func clip(to rect: Rect?) {}
    func measure(_ text: String, style: TextStyle) -> TextExtent { TextExtent(width: Double(text.count) * style.size * 0.6, ascent: style.size * 0.76, descent: style.size * 0.24) }
}

extension Color {
    /// The same red, green and blue, whatever the alpha.
    func hasHue(of other: Color) -> Bool { (red, green, blue) == (other.red, other.green, other.blue) }
}

@Suite struct PathDrawingOrderTests {
    /// A zig-zag across the plot (long), a straight short hop, and a medium line.
    let zigzag = PathOverlay(
        label: "zig-zag", points: (0..<40).map { Point(-0.9 + 0.045 * Double($0), $0.isMultiple(of: 2) ? -0.8 : 0.8) },
        color: Color(hex: 0x56B4E9))
    let hop = PathOverlay(label: "hop", points: [Point(0, 0), Point(0.1, 0.1)], color: Color(hex: 0xD55E00))
    let line = PathOverlay(label: "line", points: [Point(-0.5, 0), Point(0.5, 0)], color: Color(hex: 0x009E73))

    @Test func longerPathsAreDrawnUnderneathAndTheLegendKeepsItsOrder() throws {
        let axes = Axes(x: AxisSpec(range: -1...1), y: AxisSpec(range: -1...1), layers: [.path(hop), .path(zigzag), .path(line)])
        let figure = try Figure(width: 500, height: 500, panels: [axes])
        let recorder = StrokeRecorder()
        figure.draw(on: recorder)
        // The zig-zag wanders and is drawn as a haze, translucent: compare hues alone.
        func firstStroke(of path: PathOverlay) throws -> Int { try #require(recorder.strokes.firstIndex { $0.hasHue(of: path.color) }) }
        #expect(try firstStroke(of: zigzag) < firstStroke(of: line))
        #expect(try firstStroke(of: line) < firstStroke(of: hop))
        #expect(axes.legendEntries().map(\.text) == [hop.legendText, zigzag.legendText, line.legendText])
    }

    @Test func otherLayersKeepTheirPlaces() {
        let transform = PlotTransform(x: AxisTransform(scale: .linear, lower: -1, upper: 1, start: 0, end: 100), y: AxisTransform(scale: .linear, lower: -1, upper: 1, start: 100, end: 0))
        let layers: [Layer] = [.minima([Point(0, 0)]), .path(hop), .path(zigzag)]
        let ordered = Axes.drawingOrder(layers, transform: transform)
        guard case .minima = ordered[0], case .path(let first) = ordered[1], case .path(let second) = ordered[2] else {
            Issue.record("the minima left their place: \(ordered)")
            return
        }
        #expect(first.label == "zig-zag" && second.label == "hop")
    }
}
