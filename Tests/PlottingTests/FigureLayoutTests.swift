import Testing
@testable import Plotting

@Suite struct FigureLayoutTests {
    func expectTidy(_ figure: Figure) {
        let layout = figure.layout(measurer: FakeMeasurer())
        let boxes = layout.textBoxes
        let canvas = Rect(x: 0, y: 0, width: Double(figure.width), height: Double(figure.height))
        for (i, a) in boxes.enumerated() {
            #expect(canvas.contains(Point(a.minX, a.minY)) && canvas.contains(Point(a.maxX, a.maxY)), "text box \(a) leaves the image")
            for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "text boxes \(a) and \(b) overlap") }
            for panel in layout.panels { #expect(!a.intersects(panel.plot), "text box \(a) overlaps the plot \(panel.plot)") }
        }
        for (i, a) in layout.panels.enumerated() {
            for b in layout.panels[(i + 1)...] { #expect(!a.plot.intersects(b.plot)) }
            for colorbar in [layout.colorbar, layout.pathColorbar].compactMap({ $0 }) { #expect(!a.plot.intersects(colorbar.bar)) }
        }
    }

    func rosenbrock() throws -> ContourMap {
        let grid = try ScalarGrid.sampling(xRange: -2...2, yRange: -1...3, columns: 60, rows: 60) { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let path = PathOverlay(label: "adam(lr=0.01)", points: [Point(-2, 2), Point(-1, 1), Point(0.5, 0.3), Point(1, 1)], color: PathPalette.color(0), finalLoss: 1e-6)
        return ContourMap(field: grid, levels: .log(count: 12), paths: [path], minima: [Point(1, 1)], title: "Rosenbrock")
    }

    @Test func contourMapLayoutDoesNotOverlap() throws {
        for (w, h) in [(1000, 1000), (640, 480), (300, 240), (1600, 700)] { expectTidy(try rosenbrock().figure(width: w, height: h)) }
    }

    /// The gallery's 18-optimizer overlay: titles as long as `adamax(lr=0.481)  loss 0.0828` in
    /// five columns shrink to the tick size and break onto two lines (a line still too wide is
    /// cut short with "…") instead of running into their neighbours.
    @Test func longPanelTitlesShrinkThenBreak() throws {
        let map = try rosenbrock()
        let groups = (0..<18).map { ("optimizer\($0)(lr=0.481)  loss 0.0828", map.paths) }
        let figure = try map.smallMultiples(groups, columns: 5, width: 1800, height: 1500)
        expectTidy(figure)
        let layout = figure.layout(measurer: FakeMeasurer())
        let titleLines = layout.panels[0].texts.filter { $0.text.hasPrefix("optimizer0") || $0.text == "loss 0.0828" }
        #expect(titleLines.first?.text == "loss 0.0828", "spec over loss, placed bottom line first")
        let spec = try #require(titleLines.last?.text)
        #expect(spec == "optimizer0(lr=0.481)" || spec.hasSuffix("…") && "optimizer0(lr=0.481)".hasPrefix(spec.dropLast()), "the spec, or as much as fits")
        #expect(titleLines.allSatisfy { $0.style.size == figure.style.fontSize }, "shrunk to the tick size before breaking")
        let short = try map.smallMultiples([("adam", map.paths), ("sgd", [])], width: 1000, height: 600)
        let shortTitles = short.layout(measurer: FakeMeasurer()).panels.flatMap(\.texts).filter { $0.text == "adam" || $0.text == "sgd" }
        #expect(shortTitles.count == 2 && shortTitles.allSatisfy { $0.style.size == short.style.titleSize }, "short titles keep the title size")
    }

    /// `render --color-by`: the paths' colour bar sits right of the field's, clear of its texts,
    /// inside the image at every size.
    @Test func aPathColorbarSitsRightOfTheFieldsWithoutOverlap() throws {
        for (w, h) in [(900, 760), (640, 480), (1600, 700)] {
            var figure = try rosenbrock().figure(width: w, height: h)
            figure.pathColorbar = Colorbar(scale: ColorScale(levels: try ColorLevels(values: [1e-4, 0.1], scale: .log), colormap: .plasma, fill: .smooth), label: "learning rate")
            expectTidy(figure)
            let layout = figure.layout(measurer: FakeMeasurer())
            let field = try #require(layout.colorbar), paths = try #require(layout.pathColorbar)
            #expect(paths.bar.minX > (field.texts.map(\.box.maxX).max() ?? field.bar.maxX))
            #expect(paths.texts.contains { $0.text == "learning rate" })
        }
    }

    /// `render --view both --color-by`: beside a 3-D panel and a map, the two colour bars keep
    /// clear of each other and of every text, inside the image.
    @Test func pathColorbarBesideASurfaceAndAMap() throws {
        let map = try rosenbrock()
        let scale = try map.colorScale()
        let lr = Colorbar(scale: ColorScale(levels: try ColorLevels(values: [1e-4, 0.1], scale: .log), colormap: .plasma, fill: .smooth), label: "learning rate")
        for (w, h) in [(1600, 720), (1100, 600)] {
            for azimuth in [-120.0, -60, 30, 150] {
                let surface = map.surface(scale: scale, title: nil, paths: map.paths, view: SurfaceView(azimuth: azimuth, elevation: 35))
                var figure = try Figure(
                    width: w, height: h, title: "Rosenbrock", panels: [surface, map.axes(scale: scale, title: nil, paths: map.paths)], columns: 2,
                    colorbar: Colorbar(scale: scale, label: "f(x, y)"))
                figure.pathColorbar = lr
                let layout = figure.layout(measurer: FakeMeasurer())
                let field = try #require(layout.colorbar), paths = try #require(layout.pathColorbar)
                #expect(paths.bar.minX > field.right, "\(w)x\(h) azimuth \(azimuth)")
                let bars = field.texts + paths.texts
                let others = layout.panels.flatMap(\.texts) + (layout.title.map { [$0] } ?? [])
                for (i, a) in bars.enumerated() {
                    #expect(a.box.minX >= 0 && a.box.maxX <= Double(w) && a.box.minY >= 0 && a.box.maxY <= Double(h), "\(a.text) leaves the image")
                    for b in bars[(i + 1)...] { #expect(!a.box.intersects(b.box), "\(a.text) overlaps \(b.text)") }
                    for b in others { #expect(!a.box.intersects(b.box), "\(a.text) overlaps \(b.text)") }
                    for panel in layout.panels { #expect(!a.box.intersects(panel.plot)) }
                }
            }
        }
    }

    @Test func mapsKeepEqualAspect() throws {
        let panel = try rosenbrock().figure(width: 1200, height: 600).layout(measurer: FakeMeasurer()).panels[0]
        #expect(abs(panel.plot.width - panel.plot.height) < 1e-6, "x and y both span 4 units")
    }

    @Test func smallMultiplesAndChartGridsDoNotOverlap() throws {
        let map = try rosenbrock()
        expectTidy(try map.smallMultiples([("a", map.paths), ("b", []), ("c", map.paths)], width: 1000, height: 900))
        let series = Series(label: "loss", ys: [100, 10, 1, 0.1, 0.01], style: .solid(.black))
        let charts = (0..<4).map { LineChart(title: "chart \($0)", xLabel: "step", yLabel: "loss", yScale: .log, series: [series]) }
        expectTidy(try LineChart.grid(charts, columns: 2, title: "grid", width: 1200, height: 900))
    }

    /// Nine wiggling series over the whole plot, so that their legend cannot sit inside.
    func crowdedChart(title: String, labels: [String]) -> LineChart {
        let series = labels.enumerated().map { index, label in
            Series(label: label, ys: (0..<50).map { 1 + Double(index) + ($0.isMultiple(of: 2) ? 0.5 : -0.5) }, style: .solid(PathPalette.color(index)))
        }
        return LineChart(title: title, xLabel: "step", yLabel: "loss", series: series)
    }

    @Test func panelsInARowWithTheSameLegendShareOneInColumns() throws {
        let labels = (0..<9).map { "optimizer \($0)(lr=0.1)" }
        let figure = try LineChart.grid(
            [crowdedChart(title: "loss", labels: labels), crowdedChart(title: "distance", labels: labels)], columns: 2, width: 1400, height: 560)
        expectTidy(figure)
        let layout = figure.layout(measurer: FakeMeasurer())
        let legends = layout.panels.compactMap(\.legend)
        try #require(legends.count == 1)
        let legend = legends[0]
        #expect(legend.columns > 1)
        #expect(legend.box.width > legend.box.height)
        let plots = layout.panels.map(\.plot)
        #expect(plots.allSatisfy { legend.box.minY > $0.maxY })
        #expect(abs(legend.box.center.x - (plots[0].minX + plots[1].maxX) / 2) < 1)
        // Every entry sits inside the box, in its own place.
        let origins = legend.entries.indices.map(legend.origin(ofEntry:))
        #expect(origins.allSatisfy { legend.box.contains($0) })
        #expect(Set(origins).count == legend.entries.count)

        let different = try LineChart.grid(
            [crowdedChart(title: "a", labels: labels), crowdedChart(title: "b", labels: labels.map { $0 + "!" })], columns: 2, width: 1400, height: 560)
        // Different legends stay with their own panels, each within its half of the image.
        let own = different.layout(measurer: FakeMeasurer()).panels.compactMap(\.legend)
        try #require(own.count == 2)
        #expect(!own[0].box.intersects(own[1].box) && own[0].box.maxX <= 700 && own[1].box.minX >= 700)
    }

    /// The diagnosis grid: only the first row shows legends (the second would repeat them). The
    /// legend band sits under the first row alone, nothing is left empty under the second, and
    /// every plot keeps one height.
    @Test func onlyRowsWithLegendsBelowMakeRoomForThem() throws {
        let labels = (0..<4).map { "series \($0)" }
        var figure = try LineChart.grid((0..<4).map { crowdedChart(title: "chart \($0)", labels: labels) }, columns: 2, width: 1200, height: 900)
        for index in 1..<4 { figure.panels[index].showsLegend = false }
        expectTidy(figure)
        let layout = figure.layout(measurer: FakeMeasurer())
        let plots = layout.panels.map(\.plot)
        let legend = try #require(layout.panels[0].legend)
        #expect(layout.panels.dropFirst().allSatisfy { $0.legend == nil })
        #expect(legend.box.minY > plots[0].maxY && legend.box.maxY < plots[2].minY, "the legend sits between the rows")
        #expect(plots.allSatisfy { abs($0.height - plots[0].height) < 1e-9 })
        #expect(abs(plots[0].minY - plots[1].minY) < 1e-9 && abs(plots[2].minY - plots[3].minY) < 1e-9, "rows stay aligned")
        let belowLastRow = Double(figure.height) - plots[2].maxY
        let belowFirstRow = plots[2].minY - plots[0].maxY
        #expect(belowLastRow + legend.box.height < belowFirstRow, "no legend band under the last row: \(belowLastRow) px")
    }

    @Test func imageSizesAreValidated() {
        #expect(throws: PlotError.self) { try LineChart(series: []).figure(width: 0, height: 100) }
        #expect(throws: PlotError("image size 20000x100 is too large: each side must be at most 16384 pixels")) {
            try LineChart(series: []).figure(width: 20000, height: 100)
        }
        #expect(throws: PlotError.self) { try LineChart(series: []).figure(width: 10000, height: 10000) }
    }

    @Test func seriesLengthsMustMatch() {
        #expect(throws: PlotError.self) { try Series(label: "x", xs: [1, 2], ys: [1], style: .solid(.black)) }
    }

    @Test func chartRangeFitsTheWindow() throws {
        let series = Series(label: nil, ys: [1000, 1, 2, 3, 4], style: .solid(.black))
        let axes = LineChart(xRange: 1...4, series: [series]).axes()
        let ranges = axes.resolvedRanges()
        #expect(ranges.x == 1...4)
        #expect(ranges.y.upperBound < 10, "the value outside the x window does not stretch y")
    }

    /// A loss that climbs to near overflow before a run diverges, or falls to the smallest
    /// doubles, still gives a finite log range: a margin past the largest double made it
    /// infinite and left the loss panel blank.
    @Test(arguments: [[1e-20, 1e307], [Double.leastNonzeroMagnitude, 1.0], [1.0, .greatestFiniteMagnitude]])
    func logRangeStaysFiniteAtTheEdgesOfDouble(ys: [Double]) throws {
        let series = Series(label: nil, ys: ys, style: .solid(.black))
        let range = LineChart(yScale: .log, series: [series]).axes().resolvedRanges().y
        #expect(range.lowerBound > 0 && range.upperBound.isFinite && range.lowerBound <= ys[0] && range.upperBound >= ys[1])
        #expect(!Ticks.forScale(.log, lower: range.lowerBound, upper: range.upperBound, maxCount: 6).isEmpty)
    }
}
