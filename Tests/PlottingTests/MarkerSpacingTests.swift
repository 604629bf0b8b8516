import Testing
@testable import Plotting

/// A renderer that only records the polygons it is asked to fill.
final class FillRecorder: Renderer {
    var fills: [(polygon: [Point], color: Color)] = []
    func fill(polygon: [Point], color: Color) { fills.append((polygon, color)) }
    func stroke(polyline: [Point], style: StrokeStyle, closed: Bool) {}
    func text(_ text: String, at point: Point, style: TextStyle, horizontal: HorizontalAnchor, vertical: VerticalAnchor, rotation: Double) {}
    func draw(raster: Raster, in rect: Rect) {}
    func clip(to rect: Rect?) {}
    func measure(_ text: String, style: TextStyle) -> TextExtent { TextExtent(width: Double(text.count) * style.size * 0.6, ascent: style.size * 0.76, descent: style.size * 0.24) }
}

@Suite struct MarkerSpacingTests {
    /// A path that runs fast, then slows to a crawl: steps shrink geometrically.
    func slowingPath() -> [Point] {
        var x = -0.9, step = 0.02
        var points = [Point(x, 0)]
        for _ in 0..<300 {
            x += step
            step *= 0.985
            points.append(Point(x, 0.1 * x))
        }
        return points
    }

    /// A path that oscillates across a valley while it creeps along it: consecutive steps are
    /// far apart, but every other step lands next to one two steps back.
    func oscillatingPath() -> [Point] {
        (0..<400).map { step in Point(0.2 + 0.0005 * Double(step), step.isMultiple(of: 2) ? 0.1 : 0.14) }
    }

    /// The centres of the step dots drawn for `path`, and their diameter in pixels.
    func stepDots(of path: PathOverlay) throws -> (centres: [Point], diameter: Double) {
        let axes = Axes(x: AxisSpec(range: -1...1), y: AxisSpec(range: -1...1), layers: [.path(path)], showsLegend: false)
        let figure = try Figure(width: 600, height: 600, panels: [axes])
        let recorder = FillRecorder()
        figure.draw(on: recorder)
        let dot = path.color.mixed(with: .black, 0.45)
        let centres = recorder.fills.filter { $0.color == dot }.map { fill in
            Point(fill.polygon.map(\.x).reduce(0, +) / Double(fill.polygon.count), fill.polygon.map(\.y).reduce(0, +) / Double(fill.polygon.count))
        }
        return (centres, path.width * figure.style.unit * 1.55)
    }

    @Test func stepDotsNeverCrowdWhereThePathSlowsDown() throws {
        let path = PathOverlay(label: "slow", points: slowingPath(), color: Color(hex: 0x0072B2), markerEvery: 1)
        let (centres, diameter) = try stepDots(of: path)
        // Fast steps keep a dot each; the crawl at the end does not pile 300 dots up.
        #expect(centres.count > 10)
        #expect(centres.count < 100)
        for (a, b) in zip(centres, centres.dropFirst()) {
            #expect(a.distance(to: b) >= 2 * diameter - 1e-9)
        }
    }

    @Test func stepDotsNeverCrowdWhereThePathOscillates() throws {
        let path = PathOverlay(label: "zig-zag", points: oscillatingPath(), color: Color(hex: 0xD55E00), markerEvery: 1)
        let (centres, diameter) = try stepDots(of: path)
        // Two rows of dots along the 0.2-wide creep, not 400 dots on top of each other.
        #expect(centres.count > 4)
        #expect(centres.count < 60)
        for (index, a) in centres.enumerated() {
            for b in centres[(index + 1)...] {
                #expect(a.distance(to: b) >= 2 * diameter - 1e-9)
            }
        }
    }
}
