import Plotting

/// How a contour map is drawn; the defaults make a good picture with nothing else given.
public struct MapOptions: Sendable {
    /// Image width and height in pixels (default 900 x 760).
    public var width: Int
    public var height: Int
    /// One map with every path, or one panel per path on a shared colour scale.
    public var layout: MapLayout
    public var colormap: Colormap
    /// Contour levels; `nil` takes the function's own scale (log or linear) with 14 bands, and
    /// symmetric-log levels for a log-scaled function that goes negative on the domain.
    public var levels: ContourLevels?
    /// Filled bands (default) or a smooth colour field, with iso-lines on top either way.
    public var fill: FieldFill
    /// The plotted domain; `nil` takes the function's, or fits one around the paths and minima.
    public var domain: (x: ClosedRange<Double>, y: ClosedRange<Double>)?
    /// A title over the map; `nil` uses the function's title.
    public var title: String?
    /// The contour map, the 3-D surface, or both side by side.
    public var view: MapView = .map
    /// The camera of the 3-D surface.
    public var camera = SurfaceView()
    /// The optimizer's insides drawn as arrows along the paths on the map, at every
    /// `insidesEvery`-th point (`nil`: about 15 arrows along the longest path).
    public var insides: [InsideVector] = []
    public var insidesEvery: Int?
    /// Colour each path's steps by step or lr, with a second colorbar; `nil` draws each path in
    /// its palette colour.
    public var colorBy: PathColoring?

    public init(
        width: Int = 900, height: Int = 760, layout: MapLayout = .overlay, colormap: Colormap = .viridis,
        levels: ContourLevels? = nil, fill: FieldFill = .bands, domain: (x: ClosedRange<Double>, y: ClosedRange<Double>)? = nil,
        title: String? = nil, colorBy: PathColoring? = nil
    ) {
        self.colorBy = colorBy
        self.width = width
        self.height = height
        self.layout = layout
        self.colormap = colormap
        self.levels = levels
        self.fill = fill
        self.domain = domain
        self.title = title
    }
}

/// `overlay`: every path on one map; `grid`: small multiples, one panel per path.
public enum MapLayout: String, Sendable, CaseIterable, Codable {
    case overlay, grid
}

/// `map`: the contour map; `surface`: the 3-D surface; `both`: the surface beside the map.
public enum MapView: String, Codable, Sendable, CaseIterable {
    case map, surface, both
}
