import Testing
@testable import Plotting

@Suite struct PathWanderTests {
    /// A zig-zag across the plot, 39 strokes of 1.6 units in a 2 × 2 plot: about 22 diagonals.
    let zigzag = PathOverlay(
        label: "zig-zag", points: (0..<40).map { Point(-0.9 + 0.045 * Double($0), $0.isMultiple(of: 2) ? -0.8 : 0.8) },
        color: Color(hex: 0x56B4E9))
    /// A straight line of 30 steps, half a diagonal: it gets step dots.
    let line = PathOverlay(label: "line", points: (0..<30).map { Point(-0.5 + Double($0) / 29, -0.5 + Double($0) / 29) }, color: Color(hex: 0x009E73))

    func draw(_ paths: [PathOverlay]) throws -> (StrokeRecorder, FigureLayout) {
        let axes = Axes(x: AxisSpec(range: -1...1), y: AxisSpec(range: -1...1), layers: paths.map(Layer.path))
        let figure = try Figure(width: 500, height: 500, panels: [axes])
        let recorder = StrokeRecorder()
        figure.draw(on: recorder)
        return (recorder, figure.layout(measurer: recorder))
    }

    @Test func aWandererAmongPathsThatGoSomewhereIsDrawnAsAHaze() throws {
        let (recorder, layout) = try draw([zigzag, line])
        let zigzagLines = recorder.lines.filter { $0.color.hasHue(of: zigzag.color) }
        let lineLines = recorder.lines.filter { $0.color.hasHue(of: line.color) }
        try #require(!zigzagLines.isEmpty && !lineLines.isEmpty)
        #expect(zigzagLines.allSatisfy { $0.color.alpha < 255 }, "translucent")
        #expect(zigzagLines.map(\.width).max()! < lineLines.map(\.width).min()!, "thinner than the path that goes somewhere")
        #expect(lineLines.contains { $0.color == line.color }, "the other path keeps its opaque line")
        // Step dots: the line has them, the haze has none.
        #expect(recorder.fills.contains(line.color.mixed(with: .black, 0.45)))
        #expect(!recorder.fills.contains(zigzag.color.mixed(with: .black, 0.45)))
        // The legend shows each as it is drawn.
        let swatches = try #require(layout.panels[0].legend).entries.map(\.swatch)
        #expect(swatches.contains(.path(zigzag.color, haze: true)) && swatches.contains(.path(line.color, haze: false)))
    }

    @Test func aWandererAloneIsDrawnAsUsual() throws {
        let (recorder, _) = try draw([zigzag])
        #expect(recorder.lines.contains { $0.color == zigzag.color })
        #expect(recorder.fills.contains(zigzag.color.mixed(with: .black, 0.45)))
    }

    /// A diverged path flies far off the plot: what it draws inside is short, so it is no haze.
    @Test func onlyTheLineInsideThePlotCounts() throws {
        let diverged = PathOverlay(label: "diverged", points: [Point(0, 0), Point(0.5, 0.2), Point(1e6, -1e6), Point(-1e12, 1e12)], color: Color(hex: 0xD55E00))
        let (recorder, _) = try draw([diverged, line])
        #expect(recorder.lines.contains { $0.color == diverged.color })
    }
}
