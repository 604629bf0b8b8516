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

/// Legends of any length at any size: wrapped, abbreviated or moved, never off the image.
@Suite struct LegendFitTests {
    static let texts = [
        "sgd", "adam(lr=0.01)", "adam(lr=0.001, beta1=0.85, beta2=0.9995, eps=1e-10, weight_decay=0.01, amsgrad=true)  loss 81.2",
        String(repeating: "x", count: 90), "rmsprop(lr=0.001, alpha=0.99)  diverged at step 12", "lion  loss 351",
    ]
    static let sizes = [(120, 100), (240, 200), (300, 240), (500, 400), (640, 480), (900, 760), (1400, 560), (2000, 300), (260, 900)]

    func map(entries: Int, longest: Int) throws -> ContourMap {
        let grid = try ScalarGrid.sampling(xRange: -2...2, yRange: -1...3, columns: 40, rows: 40) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let paths = (0..<entries).map { index in
            PathOverlay(
                label: Self.texts[index == 0 ? longest : index % 2], points: [Point(-1.5 + 0.1 * Double(index), 2), Point(0, 0.5), Point(1, 1)],
                color: PathPalette.color(index), finalLoss: 1e-3)
        }
        return ContourMap(field: grid, levels: .log(count: 12), paths: paths, minima: [Point(1, 1)], title: "Rosenbrock")
    }

    func chart(entries: Int, longest: Int, title: String) -> LineChart {
        let series = (0..<entries).map { index in
            Series(label: Self.texts[index == 0 ? longest : index % 2], ys: (0..<40).map { 10 / Double($0 + 1 + index) }, style: .solid(PathPalette.color(index)))
        }
        return LineChart(title: title, xLabel: "step", yLabel: "loss", yScale: .log, series: series)
    }

    /// Every legend lies inside the image with every line inside its box; at every size that
    /// `checkSize` accepts the legend is shown and overlaps no text, and nothing leaves the image.
    @Test func everyLegendPixelIsInsideTheImage() throws {
        var checked = 0, accepted = 0
        for entries in [1, 2, 5, 9, 13] {
            for longest in Self.texts.indices {
                for (width, height) in Self.sizes {
                    let figures = [
                        try map(entries: min(entries, 12), longest: longest).figure(width: width, height: height),
                        try LineChart.grid([chart(entries: entries, longest: longest, title: "loss"), chart(entries: entries, longest: longest, title: "distance")], columns: 2, title: "curves", width: width, height: height),
                    ]
                    for figure in figures {
                        let layout = figure.layout(measurer: FakeMeasurer())
                        let canvas = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
                        let context = "\(entries) entries, text \(longest), \(width)x\(height)"
                        for legend in layout.panels.compactMap(\.legend) {
                            checked += 1
                            #expect(contains(canvas, legend.box), "legend \(legend.box) leaves the image: \(context)")
                            for index in legend.entries.indices {
                                let origin = legend.origin(ofEntry: index)
                                let textX = origin.x + legend.swatchWidth + LegendLayout.textGap(textSize: legend.textStyle.size)
                                for (line, text) in legend.lines[index].enumerated() {
                                    let extent = FakeMeasurer().measure(text, style: legend.textStyle)
                                    let y = origin.y + Double(line) * legend.lineSpacing
                                    #expect(textX + extent.width <= legend.box.maxX + 1e-9 && y + extent.height / 2 <= legend.box.maxY + 1e-9, "'\(text)' leaves its legend: \(context)")
                                }
                            }
                        }
                        guard (try? figure.checkSize(measurer: FakeMeasurer())) != nil else { continue }
                        accepted += 1
                        #expect(layout.panels.contains { $0.legend != nil }, "an accepted size shows the legend: \(context)")
                        let boxes = layout.textBoxes
                        for (index, box) in boxes.enumerated() {
                            #expect(contains(canvas, box), "text \(box) leaves the image: \(context)")
                            for legend in layout.panels.compactMap(\.legend) { #expect(!box.intersects(legend.box), "text \(box) under the legend: \(context)") }
                            for other in boxes[(index + 1)...] { #expect(!box.intersects(other), "texts \(box) and \(other) overlap: \(context)") }
                            for panel in layout.panels { #expect(!box.intersects(panel.plot), "text \(box) over a plot: \(context)") }
                        }
                    }
                }
            }
        }
        #expect(checked > 300 && accepted > 200, "\(checked) legends, \(accepted) accepted sizes")
    }

    func contains(_ outer: Rect, _ inner: Rect) -> Bool {
        inner.minX >= outer.minX - 1e-9 && inner.minY >= outer.minY - 1e-9 && inner.maxX <= outer.maxX + 1e-9 && inner.maxY <= outer.maxY + 1e-9
    }

    @Test func longEntriesWrapAtSpacesAndLongWordsAreCutShort() {
        let measure = { (text: String) in Double(text.count) }
        #expect(LegendText.wrap("adam(lr=0.1, beta1=0.9)  loss 3", width: 14, measure: measure) == ["adam(lr=0.1,", "beta1=0.9)", "loss 3"])
        #expect(LegendText.wrap("sgd(lr=0.1)  diverged at step 7", width: 27, measure: measure) == ["sgd(lr=0.1)", "diverged at step 7"], "breaks where the parts meet")
        #expect(LegendText.wrap("short", width: 14, measure: measure) == ["short"])
        #expect(LegendText.wrap(String(repeating: "x", count: 20), width: 8, measure: measure) == ["xxxxxxx…"])
    }
}

/// The least image size a figure needs, computed from its layout.
@Suite struct MinimumSizeTests {
    @Test func tooSmallSizesAreRefusedWithASizeThatWorks() throws {
        let fit = LegendFitTests()
        for (width, height) in [(1, 1), (10, 10), (100, 80), (300, 60), (60, 300)] {
            let figures = [
                try fit.map(entries: 3, longest: 2).figure(width: width, height: height),
                try LineChart.grid([fit.chart(entries: 4, longest: 1, title: "a"), fit.chart(entries: 4, longest: 1, title: "b")], columns: 2, width: width, height: height),
            ]
            for figure in figures {
                let error = try #require(throws: FigureTooSmall.self) { try figure.checkSize(measurer: FakeMeasurer()) }
                #expect(error.minimumWidth > width || error.minimumHeight > height)
                var sized = figure
                sized.width = max(width, error.minimumWidth)
                sized.height = max(height, error.minimumHeight)
                #expect(throws: Never.self, "\(error)") { try sized.checkSize(measurer: FakeMeasurer()) }
                let layout = sized.layout(measurer: FakeMeasurer())
                let side = FigureLayout.minimumPlotSide * sized.style.fontSize
                #expect(layout.panels.allSatisfy { $0.frame.width >= side - 1e-6 && $0.frame.height >= side - 1e-6 }, "\(error)")
            }
        }
        #expect(throws: Never.self) { try fit.map(entries: 3, longest: 2).figure(width: 900, height: 760).checkSize(measurer: FakeMeasurer()) }
    }
}
