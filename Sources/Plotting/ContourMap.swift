import Foundation

/// The model builder for contour maps: a function's field with optimizer paths over it.
///
/// `figure` makes one map with a colorbar; `frames` makes animation frames with the paths
/// advanced step by step; `smallMultiples` makes a grid of maps, one per group of paths, on one
/// shared colour scale with one colorbar.
public struct ContourMap: Sendable {
    public var field: ScalarGrid
    public var levels: ContourLevels
    public var colormap: Colormap
    public var fill: FieldFill
    /// Thin iso-lines at the inner levels, over the fill.
    public var showsIsolines: Bool
    public var paths: [PathOverlay]
    /// Known global minima, drawn as white stars.
    public var minima: [Point]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var colorbarLabel: String?
    /// The optimizer's insides along the paths, over them.
    public var arrows: [ArrowField] = []

    public init(
        field: ScalarGrid, levels: ContourLevels = .linear(count: 12), colormap: Colormap = .viridis, fill: FieldFill = .bands,
        showsIsolines: Bool = true, paths: [PathOverlay] = [], minima: [Point] = [], title: String? = nil, xLabel: String? = "x",
        yLabel: String? = "y", colorbarLabel: String? = "f(x, y)"
    ) {
        self.field = field
        self.levels = levels
        self.colormap = colormap
        self.fill = fill
        self.showsIsolines = showsIsolines
        self.paths = paths
        self.minima = minima
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorbarLabel = colorbarLabel
    }

    /// The colour scale of the field; throws when the field is entirely masked.
    public func colorScale() throws(PlotError) -> ColorScale {
        guard let range = field.finiteRange else {
            throw PlotError("the function has no finite value anywhere on the plotted domain: check the expression or choose another --domain")
        }
        return ColorScale(levels: try levels.resolve(range: range, smallestPositive: field.smallestPositive), colormap: colormap, fill: fill)
    }

    /// One map panel with the given title and paths.
    public func axes(scale: ColorScale, title: String?, paths: [PathOverlay]) -> Axes {
        var layers: [Layer] = [.field(field, scale)]
        if showsIsolines {
            let inner = Array(scale.levels.values.dropFirst().dropLast())
            layers.append(.isolines(field, levels: inner, style: StrokeStyle(width: 0.7, color: Color(hex: 0x1A1A1A, alpha: 80))))
        }
        layers += paths.map(Layer.path)
        layers += arrows.map(Layer.arrows)
        if !minima.isEmpty { layers.append(.minima(minima)) }
        return Axes(title: title, xLabel: xLabel, yLabel: yLabel, x: AxisSpec(range: field.xRange), y: AxisSpec(range: field.yRange), equalAspect: true, layers: layers)
    }

    /// The surface panel of this map, with the given title and paths, seen from `view`.
    public func surface(scale: ColorScale, title: String?, paths: [PathOverlay], view: SurfaceView) -> SurfacePanel {
        SurfacePanel(title: title, field: field, scale: scale, paths: paths, minima: minima, view: view, xLabel: xLabel, yLabel: yLabel, zLabel: colorbarLabel)
    }

    /// The map with all its paths and a colorbar.
    public func figure(width: Int, height: Int) throws(PlotError) -> Figure {
        let scale = try colorScale()
        return try Figure(width: width, height: height, panels: [axes(scale: scale, title: title, paths: paths)], colorbar: Colorbar(scale: scale, label: colorbarLabel))
    }

    /// Animation frames: frame `i` shows every path up to step `steps[i]`.
    public func frames(width: Int, height: Int, steps: [Int]) throws(PlotError) -> [Figure] {
        guard !steps.isEmpty else { throw PlotError("an animation needs at least one frame") }
        let scale = try colorScale()
        var frames: [Figure] = []
        for step in steps {
            let advanced = paths.map { path -> PathOverlay in
                var p = path
                p.visibleSteps = max(0, step)
                return p
            }
            let frameTitle = [title, "step \(step)"].compactMap { $0 }.joined(separator: " · ")
            frames.append(try Figure(width: width, height: height, panels: [axes(scale: scale, title: frameTitle, paths: advanced)], colorbar: Colorbar(scale: scale, label: colorbarLabel)))
        }
        return frames
    }

    /// `count` frame steps spread evenly over `0...lastStep` (always including both ends).
    public static func frameSteps(lastStep: Int, count: Int) -> [Int] {
        guard count > 1, lastStep > 0 else { return [max(lastStep, 0)] }
        var steps = (0..<count).map { Int((Double($0) * Double(lastStep) / Double(count - 1)).rounded()) }
        steps = steps.enumerated().filter { $0.offset == 0 || $0.element != steps[$0.offset - 1] }.map(\.element)
        return steps
    }

    /// Small multiples: one panel per `(title, paths)` group, in `columns` columns (default: the
    /// most square grid), sharing this map's colour scale and one colorbar.
    public func smallMultiples(_ groups: [(title: String, paths: [PathOverlay])], columns: Int? = nil, width: Int, height: Int) throws(PlotError) -> Figure {
        guard !groups.isEmpty else { throw PlotError("small multiples need at least one panel") }
        let scale = try colorScale()
        let columns = columns ?? Int(Double(groups.count).squareRoot().rounded(.up))
        var panels: [Axes] = []
        for group in groups {
            var panel = axes(scale: scale, title: group.title, paths: group.paths)
            panel.xLabel = nil
            panel.yLabel = nil
            panels.append(panel)
        }
        return try Figure(width: width, height: height, title: title, panels: panels, columns: columns, colorbar: Colorbar(scale: scale, label: colorbarLabel))
    }

    /// A domain around every finite path point and minimum, grown by `margin` (a fraction of the
    /// larger side) and made square, for functions without a declared domain.
    public static func fittedDomain(paths: [[Point]], minima: [Point], margin: Double = 0.15) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let points = (paths.flatMap { $0 } + minima).filter(\.isFinite)
        guard let x0 = points.map(\.x).min(), let x1 = points.map(\.x).max(), let y0 = points.map(\.y).min(), let y1 = points.map(\.y).max() else {
            return (-1...1, -1...1)
        }
        let side = max(x1 - x0, y1 - y0, 1e-6) * (1 + 2 * margin)
        let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2
        return ((cx - side / 2)...(cx + side / 2), (cy - side / 2)...(cy + side / 2))
    }
}
