import Testing
@testable import Plotting

@Suite struct LegendTests {
    let plot = Rect(x: 0, y: 0, width: 400, height: 300)

    @Test func emptyPlotPrefersUpperRight() {
        let (box, covered) = LegendLayout.bestPosition(size: (100, 60), in: plot, inset: 8, obstacles: [])
        #expect(covered == 0 && box.maxX == 392 && box.minY == 8)
    }

    @Test func picksTheEmptiestCorner() {
        // A path through every corner but the lower left.
        var obstacles: [Point] = []
        for x in stride(from: 0.0, through: 400, by: 4) { obstacles.append(Point(x, 20)) }
        for y in stride(from: 0.0, through: 300, by: 4) { obstacles.append(Point(390, y)) }
        let (box, covered) = LegendLayout.bestPosition(size: (100, 60), in: plot, inset: 8, obstacles: obstacles)
        #expect(covered == 0)
        #expect(box.minX == 8 && box.maxY == 292, "lower left")
    }

    @Test func legendOfAMapAvoidsThePath() throws {
        let grid = try ScalarGrid.sampling(xRange: 0...1, yRange: 0...1, columns: 5, rows: 5) { x, y in x + y }
        // A path along the top and the left edge: the lower right is free.
        let path = PathOverlay(label: "p", points: [Point(0.05, 0.0), Point(0.05, 0.95), Point(0.95, 0.95)], color: .black)
        let figure = try ContourMap(field: grid, paths: [path]).figure(width: 500, height: 400)
        let layout = figure.layout(measurer: FakeMeasurer())
        let legend = try #require(layout.panels[0].legend)
        #expect(legend.covered == 0, "\(legend.box) in \(layout.panels[0].plot)")
        #expect(legend.box.center.x > layout.panels[0].plot.center.x && legend.box.center.y > layout.panels[0].plot.center.y)
    }

    @Test func legendTextSaysDivergedOrLoss() {
        var p = PathOverlay(label: "sgd(lr=1)", points: [Point(0, 0), Point(1, 1), Point(2, 2)], color: .black, finalLoss: 0.00123)
        #expect(p.legendText == "sgd(lr=1)  loss 0.00123")
        p.divergedAtStep = 2
        #expect(p.legendText == "sgd(lr=1)  diverged at step 2")
        p.visibleSteps = 1
        #expect(p.legendText == "sgd(lr=1)", "not yet diverged in an early frame")
    }

    @Test func markerSpacingGrowsWithDensity() {
        #expect(PathOverlay.automaticMarkerEvery(steps: 10, pixelLength: 500, minimumSpacing: 10) == 1)
        #expect(PathOverlay.automaticMarkerEvery(steps: 500, pixelLength: 500, minimumSpacing: 8) == 10)
        #expect(PathOverlay.automaticMarkerEvery(steps: 500, pixelLength: 1000, minimumSpacing: 8) == 5)
        #expect(PathOverlay.automaticMarkerEvery(steps: 1, pixelLength: 500, minimumSpacing: 8) == 0)
    }
}

/// Text measures like DejaVu Sans roughly: 0.6 em per character.
struct FakeMeasurer: TextMeasuring {
    func measure(_ text: String, style: TextStyle) -> TextExtent {
        TextExtent(width: Double(text.count) * style.size * 0.6, ascent: style.size * 0.76, descent: style.size * 0.24)
    }
}
