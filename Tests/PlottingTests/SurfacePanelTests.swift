import Foundation
import Testing
@testable import Plotting

/// A renderer that records the polygons it fills and the colours of the lines it strokes.
final class PolygonRecorder: Renderer {
    var polygons: [[Point]] = []
    var strokes: [Color] = []
    var texts: [String] = []
    func fill(polygon: [Point], color: Color) { polygons.append(polygon) }
    func stroke(polyline: [Point], style: StrokeStyle, closed: Bool) { strokes.append(style.color) }
    func text(_ text: String, at point: Point, style: TextStyle, horizontal: HorizontalAnchor, vertical: VerticalAnchor, rotation: Double) { texts.append(text) }
    func draw(raster: Raster, in rect: Rect) {}
    func clip(to rect: Rect?) {}
    func measure(_ text: String, style: TextStyle) -> TextExtent { FakeMeasurer().measure(text, style: style) }
}

@Suite struct SurfacePanelTests {
    /// A ridge along x = 0 as tall as the box, on [-1, 1]².
    static func ridge() throws -> ScalarGrid {
        try ScalarGrid.sampling(xRange: -1...1, yRange: -1...1, columns: 81, rows: 81) { x, _ in 10 * exp(-20 * x * x) }
    }

    static func scale(_ grid: ScalarGrid) throws -> ColorScale {
        ColorScale(levels: try ContourLevels.linear(count: 10).resolve(range: grid.finiteRange!, smallestPositive: nil))
    }

    /// Whether any line in `color` is drawn when the panel is seen from `azimuth`.
    static func strokes(_ color: Color, path: PathOverlay, azimuth: Double, elevation: Double = 10) throws -> Bool {
        let grid = try ridge()
        let panel = SurfacePanel(field: grid, scale: try scale(grid), paths: [path], view: SurfaceView(azimuth: azimuth, elevation: elevation), showsLegend: false)
        let recorder = PolygonRecorder()
        try Figure(width: 700, height: 600, panels: [panel]).draw(on: recorder)
        return recorder.strokes.contains { $0.hasHue(of: color) }
    }

    @Test func aPathBehindAHillIsHiddenAndShowsFromItsSide() throws {
        let colour = Color(hex: 0xD55E00)
        let path = PathOverlay(label: "behind", points: (0...20).map { Point(-0.6, -0.8 + 0.08 * Double($0)) }, color: colour)
        #expect(try !Self.strokes(colour, path: path, azimuth: 0), "seen from +x, the ridge hides the path at x = -0.6")
        #expect(try Self.strokes(colour, path: path, azimuth: 180), "seen from -x, the path is in front of the ridge")
        #expect(try Self.strokes(colour, path: path, azimuth: 0, elevation: 85), "seen from above, nothing hides it")
    }

    /// `--color-by` on the surface: each visible step in its own colour, as on the map.
    @Test func aPathColouredByStepKeepsItsStepColoursOnTheSurface() throws {
        let grid = try Self.ridge()
        let own = Color(hex: 0x0072B2)
        var path = PathOverlay(label: "steps", points: (0...4).map { Point(0.3 + 0.1 * Double($0), -0.5 + 0.2 * Double($0)) }, color: own)
        let stepColors = [Color(hex: 0xFF0000), Color(hex: 0x00FF00), Color(hex: 0xFFFF00), Color(hex: 0xFF00FF)]
        path.stepColors = stepColors
        let panel = SurfacePanel(field: grid, scale: try Self.scale(grid), paths: [path], view: SurfaceView(azimuth: 0, elevation: 60), showsLegend: false)
        let recorder = PolygonRecorder()
        try Figure(width: 700, height: 600, panels: [panel]).draw(on: recorder)
        // The casing, then the line: one stroke per step, in the steps' colours (the path's own
        // colour only for the start marker after them).
        let casing = try #require(recorder.strokes.firstIndex(of: Color.white.opacity(0.9)))
        #expect(Array(recorder.strokes[(casing + 1)...].prefix(stepColors.count)) == stepColors)
    }

    @Test func onlyThePartOfAPathBehindTheHillIsHidden() throws {
        let grid = try Self.ridge()
        let mesh = SurfaceMesh(grid, cells: 60)
        let view = SurfaceView(azimuth: 0, elevation: 10)
        // Along y = 0 from x = -0.8 (behind the ridge) to 0.8 (in front of it).
        let visible = stride(from: -0.8, through: 0.8, by: 0.1).map { x in mesh.isVisible(Vector3(x, 0, mesh.height(x: x, y: 0) + 0.006), from: view) }
        #expect(visible.prefix(5).allSatisfy { !$0 } && visible.suffix(5).allSatisfy { $0 }, "\(visible)")
    }

    /// On a flat floor seen from above, nearer quads lie lower on the image: painted back to
    /// front, the quads' centres go down the image. (One raised corner gives the field a range.)
    @Test func quadsArePaintedBackToFront() throws {
        let grid = try ScalarGrid.sampling(xRange: 0...1, yRange: 0...1, columns: 20, rows: 20) { x, y in x == 1 && y == 1 ? 1 : 0 }
        for azimuth in [-60.0, 30, 150, 250] {
            let panel = SurfacePanel(field: grid, scale: try Self.scale(grid), view: SurfaceView(azimuth: azimuth, elevation: 35))
            let recorder = PolygonRecorder()
            try Figure(width: 600, height: 600, panels: [panel]).draw(on: recorder)
            let quads = recorder.polygons.filter { $0.count == 4 }.dropFirst(4)  // the background and the walls first
            #expect(quads.count > 1000)
            let depths = quads.map { quad in quad.reduce(0) { $0 + $1.y } / 4 }
            let ordered = zip(depths, depths.dropFirst()).filter { $0 <= $1 + 1e-6 }.count
            #expect(Double(ordered) >= Double(depths.count - 1) * 0.99, "azimuth \(azimuth): \(ordered) of \(depths.count - 1) in order")
        }
    }

    /// A 3-D panel beside a map: texts apart, inside the image, and one legend below both.
    @Test func besideAMapTheTextsStayApartAndTheLegendIsShared() throws {
        let grid = try Self.ridge()
        let scale = try Self.scale(grid)
        let path = PathOverlay(label: "adam", points: [Point(-0.5, -0.5), Point(0.5, 0.5)], color: Color(hex: 0x0072B2))
        for azimuth in stride(from: -180.0, to: 180, by: 45) {
            let surface = SurfacePanel(field: grid, scale: scale, paths: [path], view: SurfaceView(azimuth: azimuth, elevation: 30))
            let map = Axes(x: AxisSpec(range: -1...1), y: AxisSpec(range: -1...1), equalAspect: true, layers: [.field(grid, scale), .path(path)])
            let layout = try Figure(width: 1400, height: 650, panels: [surface, map], columns: 2, colorbar: Colorbar(scale: scale, label: "f")).layout(measurer: FakeMeasurer())
            let boxes = layout.panels[0].texts.map(\.box)
            for (i, a) in boxes.enumerated() {
                #expect(a.minX >= 0 && a.maxX <= 1400 && a.minY >= 0 && a.maxY <= 650, "azimuth \(azimuth): \(a) leaves the image")
                for b in boxes[(i + 1)...] { #expect(!a.intersects(b), "azimuth \(azimuth): \(a) overlaps \(b)") }
            }
            #expect(layout.panels.compactMap(\.legend).count == 1)
            let legend = try #require(layout.panels[0].legend)
            #expect(legend.box.minY >= layout.panels[1].plot.maxY)
        }
    }
}
