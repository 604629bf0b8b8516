import GDRenderer
import Plotting
import Scenes

/// How a contour map looks, as `--size`, `--colormap`, `--levels`, `--fill`, `--domain`,
/// `--layout`, `--color-by`, `--view`, `--azimuth`, `--elevation`, `--show` and `--show-every` give it; every field `nil` or default draws `MapOptions`' defaults.
public struct MapStyle: Codable, Sendable, Equatable {
    /// Image size in pixels; `nil` takes the default 900 x 760.
    public var size: ImageSize?
    /// viridis (default), magma, plasma, inferno, cividis, turbo or jet.
    public var colormap: String
    /// `ContourLevels`' text: log, linear, symlog, a count, log:20, or a list; `nil`: the function's own.
    public var levels: String?
    public var fill: FieldFill
    /// XMIN,XMAX,YMIN,YMAX; `nil`: the function's own, or fitted around the paths.
    public var domain: [Double]?
    public var layout: MapLayout
    /// Colour each path's steps by the step or the lr it used, with a colour bar; `nil`: one colour a path.
    public var colorBy: PathColoring?
    /// The contour map (default), the surface in 3-D, or both side by side.
    public var view: MapView
    /// The 3-D camera's angle about the vertical axis in degrees; `nil`: -60.
    public var azimuth: Double?
    /// The 3-D camera's height above the floor in degrees, -90...90; `nil`: 30.
    public var elevation: Double?
    /// The optimizer's insides drawn as arrows along the paths (step, momentum, gradient).
    public var show: [InsideVector]
    /// An arrow at every K-th point, K >= 1; `nil`: about 15 along the longest path.
    public var showEvery: Int?

    public init(
        size: ImageSize? = nil, colormap: String = "viridis", levels: String? = nil, fill: FieldFill = .bands, domain: [Double]? = nil,
        layout: MapLayout = .overlay, colorBy: PathColoring? = nil, view: MapView = .map, azimuth: Double? = nil,
        elevation: Double? = nil, show: [InsideVector] = [], showEvery: Int? = nil
    ) {
        self.size = size
        self.colormap = colormap
        self.levels = levels
        self.fill = fill
        self.domain = domain
        self.layout = layout
        self.colorBy = colorBy
        self.view = view
        self.azimuth = azimuth
        self.elevation = elevation
        self.show = show
        self.showEvery = showEvery
    }

    /// The map options this style describes, checked against `limits`.
    public func mapOptions(limits: RequestLimits) throws(RequestError) -> MapOptions {
        var options = MapOptions(layout: layout, fill: fill, colorBy: colorBy)
        if let azimuth, !azimuth.isFinite { throw RequestError("--azimuth must be a finite angle in degrees (got \(azimuth))") }
        if let elevation, !(-90...90).contains(elevation) { throw RequestError("--elevation must be from -90 to 90 degrees (got \(elevation))") }
        if let showEvery, showEvery < 1 { throw RequestError("--show-every must be at least 1 (got \(showEvery))") }
        options.view = view
        options.camera = SurfaceView(azimuth: azimuth ?? -60, elevation: elevation ?? 30)
        options.insides = show
        options.insidesEvery = showEvery
        if let size {
            try limits.checkSize(width: size.width, height: size.height)
            options.width = size.width
            options.height = size.height
        }
        guard let colormap = Colormap.named(colormap) else {
            throw RequestError("--colormap '\(self.colormap)' is unknown; use one of \(Colormap.all.map(\.name).joined(separator: ", "))")
        }
        options.colormap = colormap
        if let levels {
            do {
                options.levels = try ContourLevels(parsing: levels)
            } catch {
                throw RequestError("--levels: \(error)")
            }
        }
        if let domain {
            guard domain.count == 4, domain[0] < domain[1], domain[2] < domain[3] else {
                throw RequestError(
                    "--domain needs XMIN,XMAX,YMIN,YMAX with XMIN < XMAX and YMIN < YMAX (got \(domain.map { "\($0)" }.joined(separator: ",")))")
            }
            for (low, high) in [(domain[0], domain[1]), (domain[2], domain[3])]
            where high - low <= 1e-9 * max(1, abs(low), abs(high)) {
                throw RequestError("--domain side \(low)...\(high) is too narrow to draw; make each side wider than 1e-9 of its magnitude")
            }
            options.domain = (domain[0]...domain[1], domain[2]...domain[3])
        }
        return options
    }
}

/// An image size in pixels, `--size WxH`.
public struct ImageSize: Codable, Sendable, Equatable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses "WxH".
    public init(parsing text: String) throws(RequestError) {
        let parts = text.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
            throw RequestError("--size must be WIDTHxHEIGHT in pixels, e.g. 1000x800 (got '\(text)')")
        }
        self.init(width: width, height: height)
    }
}

/// The figures `make` builds, refused as a request error when they cannot be drawn: an image
/// size too small for the figure (the message names the least size that holds it, from its
/// layout), or levels that the function's values do not allow.
func drawable<Figures: Collection<Figure>>(size: ImageSize?, _ make: () throws -> Figures) throws(RequestError) -> Figures {
    let figures = try asRequestError(make)
    guard let figure = figures.first else { return figures }
    do {
        try FigureRenderer.checkSize(figure)
    } catch let small as FigureTooSmall {
        let flag = size == nil ? "the default size" : "--size"
        throw RequestError(
            "\(flag) \(small.width)x\(small.height) is too small for this figure: it needs at least \(small.minimumWidth)x\(small.minimumHeight) pixels; use --size \(small.minimumWidth)x\(small.minimumHeight) or larger")
    } catch {
        throw RequestError("\(error)")
    }
    return figures
}
