import Objectives
import Plotting

/// A function's contour map with paths over it: the model that `trajviz render` draws.
public struct MapScene: Sendable {
    /// The most paths one overlay shows; the palette has as many distinguishable colours.
    public static let maximumOverlaidPaths = 12

    public let function: FunctionDefinition
    public let paths: [PlottedPath]
    public let options: MapOptions

    public init(function: FunctionDefinition, paths: [PlottedPath], options: MapOptions = MapOptions()) throws(SceneError) {
        guard function.dimension == 2 else {
            throw SceneError("\(function.name) has \(function.dimension) variables; a contour map needs a function of x and y")
        }
        if options.view != .map && options.layout == .grid {
            throw SceneError("a 3-D view draws every path on one surface; drop --layout grid, or use --view map")
        }
        if options.layout == .overlay && paths.count > Self.maximumOverlaidPaths {
            throw SceneError("\(paths.count) paths are too many for one overlay (at most \(Self.maximumOverlaidPaths)); use --layout grid")
        }
        self.function = function
        self.paths = paths
        self.options = options
    }

    /// The domain drawn: the option, the function's own, or one fitted around the paths and minima.
    public var domain: (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        if let domain = options.domain { return domain }
        if let domain = function.domain { return (domain.x, domain.y) }
        return ContourMap.fittedDomain(paths: paths.map { $0.points.map(point) }, minima: function.minima.map(point))
    }

    /// The contour map model, sampled on a grid fine enough for the image size.
    public func contourMap() throws(PlotError) -> ContourMap {
        let (xRange, yRange) = domain
        let columns = min(max(options.width / 3, 120), 400)
        let rows = min(max(options.height / 3, 120), 400)
        let xs = (0..<columns).map { xRange.lowerBound + Double($0) * (xRange.upperBound - xRange.lowerBound) / Double(columns - 1) }
        let ys = (0..<rows).map { yRange.lowerBound + Double($0) * (yRange.upperBound - yRange.lowerBound) / Double(rows - 1) }
        let field = try ScalarGrid(
            xRange: xRange, yRange: yRange, columns: columns, rows: rows,
            values: function.objective.values(onGridX: xs, y: ys))
        let coloring = try options.colorBy.map { coloring throws(PlotError) in (coloring, try coloring.scale(for: paths)) }
        let overlays = paths.enumerated().map { index, path in
            var overlay = PathOverlay(
                label: path.label, points: path.points.map(point), color: PathPalette.color(index),
                finalLoss: path.finalLoss, divergedAtStep: path.divergedAtStep)
            // A path without values (a file's run has no recorded lr) keeps its own colour.
            if let (by, scale) = coloring, case let values = by.values(of: path), !values.isEmpty {
                overlay.stepColors = values.map(scale.color(of:))
            }
            overlay.fan = path.fan.map { $0.map(point) }
            return overlay
        }
        var map = ContourMap(
            field: field, levels: options.levels ?? defaultLevels(for: field), colormap: options.colormap, fill: options.fill,
            paths: overlays, minima: function.minima.map(point), title: options.title ?? function.title)
        let diagonal = ((xRange.upperBound - xRange.lowerBound) * (xRange.upperBound - xRange.lowerBound) + (yRange.upperBound - yRange.lowerBound) * (yRange.upperBound - yRange.lowerBound)).squareRoot()
        map.arrows = InsideVector.arrows(options.insides, along: paths, every: options.insidesEvery, diagonal: diagonal)
        return map
    }

    /// The still picture: one overlay, or small multiples with one panel per path, each titled
    /// with its path's legend text (so the panels need no legends of their own); or the 3-D
    /// surface, alone or beside the map.
    public func figure() throws(PlotError) -> Figure {
        let map = try contourMap()
        var figure: Figure
        switch options.layout {
        case _ where options.view != .map:
            figure = try surfaceFigure(map, paths: map.paths, camera: options.camera, title: map.title)
        case .overlay:
            figure = try map.figure(width: options.width, height: options.height)
        case .grid:
            let groups = map.paths.map { (title: $0.legendText, paths: [$0]) }
            figure = try map.smallMultiples(groups, width: options.width, height: options.height)
            for index in figure.panels.indices { figure.panels[index].showsLegend = false }
        }
        if let colorbar = try pathColorbar() { figure.pathColorbar = colorbar }
        return figure
    }

    /// The colorbar of `colorBy`, if the paths are coloured by step or lr.
    func pathColorbar() throws(PlotError) -> Colorbar? {
        try options.colorBy.map { coloring throws(PlotError) in Colorbar(scale: try coloring.scale(for: paths), label: coloring.label) }
    }

    /// The surface with a colorbar (`view` `.surface`), or the surface and the map side by
    /// side sharing one colour scale, colorbar and legend (`.both`).
    func surfaceFigure(_ map: ContourMap, paths: [PathOverlay], camera: SurfaceView, title: String?) throws(PlotError) -> Figure {
        var scale = try map.colorScale()
        if options.view == .surface { scale.fill = .smooth }  // as the surface is coloured
        let colorbar = Colorbar(scale: scale, label: map.colorbarLabel)
        let surface = map.surface(scale: scale, title: options.view == .surface ? title : nil, paths: paths, view: camera)
        if options.view == .surface { return try Figure(width: options.width, height: options.height, panels: [surface], colorbar: colorbar) }
        return try Figure(
            width: options.width, height: options.height, title: title, panels: [surface, map.axes(scale: scale, title: nil, paths: paths)], columns: 2,
            colorbar: colorbar)
    }

    /// Animation frames in which every path advances step by step, `frameCount` in all; with
    /// `rotating` (3-D views only) the whole paths stay and the camera turns once around.
    public func frames(count frameCount: Int, rotating: Bool = false) throws(PlotError) -> [Figure] {
        var frames = try framesWithoutPathColorbar(count: frameCount, rotating: rotating)
        if let colorbar = try pathColorbar() {
            for index in frames.indices { frames[index].pathColorbar = colorbar }
        }
        return frames
    }

    /// The frames of `frames(count:rotating:)` without the path colorbar.
    private func framesWithoutPathColorbar(count frameCount: Int, rotating: Bool) throws(PlotError) -> [Figure] {
        let lastStep = paths.map { $0.points.count - 1 }.max() ?? 0
        if options.view != .map {
            let map = try contourMap()
            if rotating {
                return try (0..<frameCount).map { (i: Int) throws(PlotError) -> Figure in
                    var camera = options.camera
                    camera.azimuth += 360 * Double(i) / Double(frameCount)
                    return try surfaceFigure(map, paths: map.paths, camera: camera, title: map.title)
                }
            }
            return try ContourMap.frameSteps(lastStep: lastStep, count: frameCount).map { (step: Int) throws(PlotError) -> Figure in
                let advanced = map.paths.map { path -> PathOverlay in
                    var p = path
                    p.visibleSteps = max(0, step)
                    return p
                }
                return try surfaceFigure(map, paths: advanced, camera: options.camera, title: [map.title, "step \(step)"].compactMap { $0 }.joined(separator: " · "))
            }
        }
        return try contourMap().frames(
            width: options.width, height: options.height,
            steps: ContourMap.frameSteps(lastStep: lastStep, count: frameCount))
    }

    /// The function's own level scale; a log-scaled function that goes negative on this domain
    /// (where log levels would paint the negative half as the lowest band) takes symmetric-log
    /// levels instead.
    private func defaultLevels(for field: ScalarGrid) -> ContourLevels {
        guard function.levelScale == .log else { return .linear(count: ContourLevels.defaultCount) }
        let log = ContourLevels.log(count: ContourLevels.defaultCount)
        guard let range = field.finiteRange, (try? log.resolve(range: range, smallestPositive: field.smallestPositive)) == nil else { return log }
        return .symlog(count: ContourLevels.defaultCount)
    }
}

/// A 2-D point of the plotting model from coordinates; extra coordinates are ignored.
func point(_ coordinates: [Double]) -> Point {
    Point(coordinates.first ?? .nan, coordinates.count > 1 ? coordinates[1] : .nan)
}
