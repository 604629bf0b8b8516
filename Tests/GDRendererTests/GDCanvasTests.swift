import Foundation
import Synchronization
import Testing
import Plotting
@testable import GDRenderer

@Suite struct GDCanvasTests {
    func whiteCanvas(_ w: Int = 20, _ h: Int = 20) throws -> GDCanvas {
        let canvas = try GDCanvas(width: w, height: h)
        canvas.fill(rect: Rect(x: 0, y: 0, width: Double(w), height: Double(h)), color: .white)
        return canvas
    }

    @Test func fillCoversExactlyThePolygon() throws {
        let canvas = try whiteCanvas()
        canvas.fill(rect: Rect(x: 5, y: 5, width: 10, height: 10), color: Color(hex: 0x0000FF))
        #expect(canvas.image.color(x: 5, y: 5) == Color(hex: 0x0000FF))
        #expect(canvas.image.color(x: 14, y: 14) == Color(hex: 0x0000FF))
        #expect(canvas.image.color(x: 4, y: 5) == .white && canvas.image.color(x: 15, y: 14) == .white)
        // A half-covered column blends half-way.
        canvas.fill(rect: Rect(x: 2.5, y: 0, width: 1, height: 4), color: .black)
        #expect(canvas.image.color(x: 2, y: 1).red == 128 && canvas.image.color(x: 3, y: 1).red == 128)
    }

    @Test func translucentStrokeBlendsOnceAtJoints() throws {
        let canvas = try whiteCanvas(40, 40)
        let style = StrokeStyle(width: 6, color: Color(hex: 0x000000, alpha: 128))
        canvas.stroke(polyline: [Point(5, 20), Point(20, 20), Point(20, 5)], style: style)
        let straight = canvas.image.color(x: 10, y: 20), joint = canvas.image.color(x: 20, y: 20)
        #expect(straight.red == 127 && joint == straight, "the joint is not darker than the line")
        #expect(canvas.image.color(x: 30, y: 30) == .white)
    }

    @Test func clipRestrictsDrawing() throws {
        let canvas = try whiteCanvas()
        canvas.clip(to: Rect(x: 0, y: 0, width: 10, height: 20))
        canvas.fill(rect: Rect(x: 0, y: 0, width: 20, height: 20), color: .black)
        canvas.clip(to: nil)
        #expect(canvas.image.color(x: 9, y: 10) == .black && canvas.image.color(x: 10, y: 10) == .white)
    }

    @Test func textIsDrawnWithTheTrueTypeFont() throws {
        #expect(FontSource.shared.regular != nil, "DejaVu Sans is installed on the test machine")
        let canvas = try whiteCanvas(120, 40)
        let style = TextStyle(size: 16)
        let extent = canvas.measure("Rosenbrock", style: style)
        #expect(extent.width > 60 && extent.width < 120)
        canvas.text("Rosenbrock", at: Point(60, 20), style: style, horizontal: .center, vertical: .middle, rotation: 0)
        let dark = canvas.image.pixels().filter { $0.red < 128 }.count
        #expect(dark > 50)
        #expect(canvas.image.color(x: 2, y: 2) == .white)
    }

    @Test func rasterIsScaledIntoItsRect() throws {
        let canvas = try whiteCanvas()
        canvas.draw(raster: Raster(width: 2, height: 1, pixels: [.black, Color(hex: 0xFF0000)]), in: Rect(x: 0, y: 0, width: 10, height: 10))
        #expect(canvas.image.color(x: 4, y: 9) == .black && canvas.image.color(x: 5, y: 0) == Color(hex: 0xFF0000))
        #expect(canvas.image.color(x: 10, y: 0) == .white)
    }

    @Test func sizesOutsideTheLimitsAreClearErrors() {
        #expect(throws: RenderError("image size 0x10 is empty: give a width and height of at least 1 pixel, e.g. --size 1000x1000")) {
            try GDCanvas(width: 0, height: 10)
        }
        #expect(throws: RenderError.self) { try GDCanvas(width: 16385, height: 10) }
        #expect(throws: RenderError.self) { try GDCanvas(width: 9000, height: 9000) }
    }

    @Test func pngRoundTripsAndIsDeterministic() throws {
        let figure = try SampleFigures.contourMap(paths: 2, steps: 100).figure(width: 300, height: 260)
        let first = try FigureRenderer.png(figure), second = try FigureRenderer.png(figure)
        #expect(first == second, "same input, same bytes")
        let decoded = try GDImage(pngData: first)
        #expect(decoded.width == 300 && decoded.height == 260)
        #expect(decoded.pixels() == (try FigureRenderer.render(figure)).image.pixels())
    }

    @Test func corruptPNGsAreClearErrors() throws {
        #expect(throws: RenderError.self) { try GDImage(pngData: Data("not a png".utf8)) }
        let png = try FigureRenderer.png(try SampleFigures.lossChart())
        #expect(throws: RenderError.self) { try GDImage(pngData: png.prefix(200)) }
    }

    @Test func nonFiniteGridValuesAreMaskedNotBlack() throws {
        // log(x) is NaN for x < 0 and -inf at 0: the left half is masked.
        let grid = try ScalarGrid.sampling(xRange: -1...1, yRange: -1...1, columns: 41, rows: 41) { x, y in log(x) + y * y }
        let figure = try ContourMap(field: grid, title: "log(x) + y²").figure(width: 400, height: 360)
        let canvas = try FigureRenderer.render(figure)
        let plot = figure.layout(measurer: canvas).panels[0].plot
        let left = canvas.image.color(x: Int(plot.minX + plot.width * 0.25), y: Int(plot.center.y + plot.height * 0.3))
        #expect(left == figure.style.maskColor)
    }

    @Test func animatedGIFHasEveryFrame() throws {
        let frames = try SampleFigures.contourMap(paths: 2, steps: 60).frames(width: 240, height: 200, steps: ContourMap.frameSteps(lastStep: 60, count: 4))
        #expect(frames.count == 4)
        let gif = try FigureRenderer.gif(frames, delay: 10)
        #expect(gif.prefix(6) == Data("GIF89a".utf8))
        // One image descriptor (0x2C after a graphic control extension) per frame.
        let descriptors = zip(gif, gif.dropFirst()).filter { $0 == 0x00 && $1 == 0x2C }.count
        #expect(descriptors >= 4)
        #expect(gif.last == 0x3B, "GIF trailer")
    }

    @Test func filesAreWrittenAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("chart.png")
        try FigureRenderer.writePNG(try SampleFigures.lossChart(), to: url)
        #expect(try GDImage(pngData: Data(contentsOf: url)).width == 900)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["chart.png"], "no temporary files left")
    }

    @Test func withoutAFontTextFallsBackToTheBuiltInFont() throws {
        let canvas = try GDCanvas(width: 120, height: 40, fonts: FontSource(regular: nil, bold: nil))
        canvas.fill(rect: Rect(x: 0, y: 0, width: 120, height: 40), color: .white)
        let extent = canvas.measure("loss", style: TextStyle(size: 14))
        #expect(extent.width == 32, "libgd's large font is 8 pixels wide per character")
        canvas.text("loss", at: Point(10, 20), style: TextStyle(size: 14), horizontal: .left, vertical: .middle, rotation: 0)
        #expect(canvas.image.pixels().contains { $0.red < 100 })
    }

    @Test func concurrentRendersGiveTheSameBytes() throws {
        let figures = [try SampleFigures.lossChart(), try SampleFigures.contourMap(paths: 2, steps: 100).figure(width: 400, height: 360)]
        let serial = try figures.map { try FigureRenderer.png($0) }
        let results = Mutex<[Int: Data]>([:])
        DispatchQueue.concurrentPerform(iterations: 4) { i in
            if let data = try? FigureRenderer.png(figures[i % 2]) { results.withLock { $0[i] = data } }
        }
        let parallel = results.withLock { $0 }
        #expect(parallel.count == 4)
        for (i, data) in parallel { #expect(data == serial[i % 2]) }
    }
}

@Suite struct PNGRoundTripTests {
    @Test func decodesToTheSamePixelsAtAnySize() throws {
        for (w, h) in [(1, 1), (2, 3), (37, 5)] {
            let canvas = try GDCanvas(width: w, height: h)
            canvas.fill(rect: Rect(x: 0, y: 0, width: Double(w), height: Double(h)), color: Color(hex: 0x336699))
            canvas.stroke(polyline: [Point(0, 0), Point(Double(w), Double(h))], style: StrokeStyle(width: 1.5, color: Color(hex: 0xFF8800, alpha: 200)))
            let decoded = try GDImage(pngData: try canvas.pngData())
            #expect(decoded.width == w && decoded.height == h)
            #expect(decoded.pixels() == canvas.image.pixels())
        }
    }
}

@Suite struct ChannelRoundingTests {
    @Test func roundsHalfAwayFromZeroLikeRoundedForEveryChannelValue() throws {
        let canvas = try GDCanvas(width: 1, height: 1)
        // The halves, their neighbours one float apart, and a dense sweep of 0...255.
        var values: [Float] = [0, Float(0.5).nextDown, 0.5, Float(0.5).nextUp, Float(1.5).nextDown, 1.5, 254.5, Float(254.5).nextDown, 255]
        for k in 0...256 {
            let half = Float(k) + 0.5
            values += [half.nextDown, half, half.nextUp]
        }
        values += (0..<100_000).map { Float($0) * 0.00255 }
        for v in values { #expect(canvas.roundedChannel(v) == Int32(v.rounded()), "\(v)") }
    }
}
