import Foundation

/// A 3-D panel: a function's surface as a lit mesh in a box, with optimizer paths on it.
///
/// Drawing (see `draw`): the back walls and floor of the box with grid lines at the ticks, then
/// the quads of the mesh back to front (the painter's algorithm over quads sorted by the depth
/// of their centres), each in the colour scale's colour of its centre's value, shaded by Lambert's
/// law from a light fixed to the box, at azimuth 315° and altitude 45° (matplotlib's
/// `LightSource` default): brightness `0.55 + 0.45 max(0, n · l)`. Paths lie on the surface
/// (at the mesh's bilinear height) and are drawn over it where they are in sight: each path is
/// cut into pieces of at most half a quad, and a piece is drawn only when `SurfaceMesh.isVisible`
/// finds no hill between it and the camera, so no segment shows through a hill in front of it.
/// Ticks and labels sit on the box edges nearest the viewer; the colorbar is the figure's.
public struct SurfacePanel: Panel {
    public var title: String?
    public var field: ScalarGrid
    public var scale: ColorScale
    public var paths: [PathOverlay]
    public var minima: [Point]
    public var view: SurfaceView
    public var xLabel: String?
    public var yLabel: String?
    public var zLabel: String?
    public var showsLegend: Bool
    /// Below the panel by default: inside, a legend would hide part of the surface.
    public var legendPlacement: LegendPlacement

    public init(
        title: String? = nil, field: ScalarGrid, scale: ColorScale, paths: [PathOverlay] = [], minima: [Point] = [], view: SurfaceView = SurfaceView(),
        xLabel: String? = "x", yLabel: String? = "y", zLabel: String? = nil, showsLegend: Bool = true, legendPlacement: LegendPlacement = .below
    ) {
        self.title = title
        self.field = field
        self.scale = scale
        self.paths = paths
        self.minima = minima
        self.view = view
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.zLabel = zLabel
        self.showsLegend = showsLegend
        self.legendPlacement = legendPlacement
    }

    /// The legend rows: the paths, then the minima (as a map lists them).
    public func legendEntries() -> [LegendEntry] {
        Axes(layers: paths.map(Layer.path) + (minima.isEmpty ? [] : [.minima(minima)])).legendEntries()
    }

    /// A box point of data point `(x, y)` at box height `z`.
    func boxPoint(_ p: Point, z: Double) -> Vector3 {
        Vector3(
            -1 + 2 * (p.x - field.xRange.lowerBound) / (field.xRange.upperBound - field.xRange.lowerBound),
            -1 + 2 * (p.y - field.yRange.lowerBound) / (field.yRange.upperBound - field.yRange.lowerBound), z)
    }

    /// The sign of the box side nearest the camera along x and along y.
    var frontX: Double { view.toCamera.x >= 0 ? 1 : -1 }
    var frontY: Double { view.toCamera.y >= 0 ? 1 : -1 }

    /// The box's eight corners.
    static let corners = [-1.0, 1].flatMap { x in [-1.0, 1].flatMap { y in [0, SurfaceView.boxHeight].map { Vector3(x, y, $0) } } }

    /// The ticks of the three axes: data values with their box positions along the axis.
    func ticks() -> (x: AxisTicks, y: AxisTicks, z: AxisTicks) {
        let heights = SurfaceMesh.heightRange(of: field)
        return (
            Ticks.forScale(.linear, lower: field.xRange.lowerBound, upper: field.xRange.upperBound, maxCount: 5),
            Ticks.forScale(.linear, lower: field.yRange.lowerBound, upper: field.yRange.upperBound, maxCount: 5),
            Ticks.forScale(.linear, lower: heights.lowerBound, upper: heights.upperBound, maxCount: 5))
    }

    /// The tick marks and label anchors of each axis, in box coordinates: x along the front
    /// edge of the floor parallel to x, y along the front edge parallel to y, z up the vertical
    /// edge that is leftmost on screen, each pointing away from the box.
    func tickMarks() -> [(tick: Tick, at: Vector3, outward: Vector3, axis: Int)] {
        let (xt, yt, zt) = ticks()
        var marks: [(Tick, Vector3, Vector3, Int)] = []
        for tick in xt { marks.append((tick, boxPoint(Point(tick.value, field.yRange.lowerBound), z: 0).with(y: frontY), Vector3(0, frontY, 0), 0)) }
        for tick in yt { marks.append((tick, boxPoint(Point(field.xRange.lowerBound, tick.value), z: 0).with(x: frontX), Vector3(frontX, 0, 0), 1)) }
        let edge = zEdge, heights = SurfaceMesh.heightRange(of: field)
        for tick in zt where heights.contains(tick.value) {
            let h = SurfaceMesh.height(of: tick.value, range: heights)
            marks.append((tick, Vector3(edge.x, edge.y, h), Vector3(edge.x, edge.y, 0) * 0.5, 2))
        }
        return marks
    }

    /// The vertical edge for the z axis: of the three not in front, the leftmost on screen.
    var zEdge: Vector3 {
        let candidates = [Vector3(1, 1, 0), Vector3(1, -1, 0), Vector3(-1, 1, 0), Vector3(-1, -1, 0)].filter { !($0.x == frontX && $0.y == frontY) }
        return candidates.min { view.screen($0).x < view.screen($1).x }!
    }
}

extension Vector3 {
    func with(x: Double) -> Vector3 { Vector3(x, y, z) }
    func with(y: Double) -> Vector3 { Vector3(x, y, z) }
}
