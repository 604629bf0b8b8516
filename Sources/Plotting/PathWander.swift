/// How much line a path draws inside its plot, in plot diagonals, and what that changes.
///
/// A path drawing more than `hazeAbove` (4) diagonals wanders: a chaotic or oscillating run that
/// scribbles over the plot. (A diverged path flies off instead: only its stretch inside counts.)
/// In a panel where another path does not wander, it is drawn as a haze (a thin translucent line,
/// no casing, no step dots; start and end markers stay) so that it cannot bury the paths that go
/// somewhere. Alone, or among wanderers only, it is drawn as usual. The length is the whole
/// path's, so animation frames keep one style throughout.
enum PathWander {
    static let hazeAbove = 4.0

    /// The length in pixels of the path's line inside `plot`, up to its first non-finite point.
    static func lengthInside(_ plot: Rect, of path: PathOverlay, transform t: PlotTransform) -> Double {
        let runs = clip(polyline: path.points.prefix(while: \.isFinite).map(t.pixel), to: plot).runs
        return runs.reduce(0) { $0 + $1.polylineLength }
    }

    /// The layers with every wandering path marked `drawnAsHaze`, when some path does not wander.
    static func hazing(_ layers: [Layer], transform t: PlotTransform, plot: Rect) -> [Layer] {
        let diagonal = (plot.width * plot.width + plot.height * plot.height).squareRoot()
        let wanders = layers.map { layer -> Bool? in
            guard case .path(let path) = layer else { return nil }
            return lengthInside(plot, of: path, transform: t) > hazeAbove * diagonal
        }
        guard wanders.contains(false) else { return layers }
        return zip(layers, wanders).map { layer, wanders in
            guard wanders == true, case .path(var path) = layer else { return layer }
            path.drawnAsHaze = true
            return .path(path)
        }
    }
}
