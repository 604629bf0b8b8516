import ArgumentParser
import GDRenderer
import Plotting
import Scenes

/// How a contour map looks: size, colormap, levels, fill and domain. Shared by render and diagnose.
struct MapStyleOptions: ParsableArguments {
    @Option(help: "Image size in pixels, WxH (at most 16384 a side and 64 megapixels).", transform: parseSize)
    var size: ImageSize?

    @Option(help: "viridis, magma, plasma, inferno, cividis, turbo or jet.")
    var colormap: String = "viridis"

    @Option(help: "Contour levels: log, linear, symlog (symmetric log, for values of both signs), a count (20), log:20, symlog:20, or a list (0.1,1,10,100).")
    var levels: String?

    @Option(help: "bands (filled contour bands) or smooth (a continuous colour field); iso-lines go on top.")
    var fill: FillChoice = .bands

    @Option(help: "The plotted domain, --domain=XMIN,XMAX,YMIN,YMAX; default: the function's own, or fitted around the paths.", transform: parseVector)
    var domain: [Double]?

    func validate() throws {
        if let size { try ImageSizeLimit.validate(width: size.width, height: size.height) }
        guard Colormap.named(colormap) != nil else {
            throw ValidationError("--colormap '\(colormap)' is unknown; use one of \(Colormap.all.map(\.name).joined(separator: ", "))")
        }
        if let domain {
            guard domain.count == 4, domain[0] < domain[1], domain[2] < domain[3] else {
                throw ValidationError("--domain needs XMIN,XMAX,YMIN,YMAX with XMIN < XMAX and YMIN < YMAX (got \(domain.map { "\($0)" }.joined(separator: ",")))")
            }
            for (low, high) in [(domain[0], domain[1]), (domain[2], domain[3])]
            where high - low <= 1e-9 * max(1, abs(low), abs(high)) {
                throw ValidationError("--domain side \(low)...\(high) is too narrow to draw; make each side wider than 1e-9 of its magnitude")
            }
        }
        _ = try contourLevels()
    }

    /// The map options these flags describe, on top of `defaults`.
    func mapOptions(defaults: MapOptions = MapOptions(), layout: MapLayout = .overlay) throws -> MapOptions {
        var options = defaults
        if let size {
            options.width = size.width
            options.height = size.height
        }
        options.layout = layout
        options.colormap = Colormap.named(colormap) ?? .viridis
        options.levels = try contourLevels()
        options.fill = fill == .bands ? .bands : .smooth
        if let domain { options.domain = (domain[0]...domain[1], domain[2]...domain[3]) }
        return options
    }

    private func contourLevels() throws -> ContourLevels? {
        guard let levels else { return nil }
        do {
            return try ContourLevels(parsing: levels)
        } catch {
            throw ValidationError("--levels: \(error)")
        }
    }
}

/// The figures `make` builds, refused as a usage error when the options cannot be drawn: an image
/// size too small for the figure (the message names the least size that holds it, computed from
/// its layout), or levels that the function's values do not allow.
func drawable<Figures: Collection<Figure>>(size: ImageSize?, _ make: () throws -> Figures) throws -> Figures {
    let figures: Figures
    do {
        figures = try make()
    } catch let error as PlotError {
        throw ValidationError(error.description)
    }
    guard let figure = figures.first else { return figures }
    do {
        try FigureRenderer.checkSize(figure)
    } catch let small as FigureTooSmall {
        let flag = size == nil ? "the default size" : "--size"
        throw ValidationError(
            "\(flag) \(small.width)x\(small.height) is too small for this figure: it needs at least \(small.minimumWidth)x\(small.minimumHeight) pixels; use --size \(small.minimumWidth)x\(small.minimumHeight) or larger")
    }
    return figures
}

/// `--fill` values.
enum FillChoice: String, ExpressibleByArgument, CaseIterable { case bands, smooth }

/// A `--size` value.
struct ImageSize {
    var width: Int
    var height: Int
}

/// Parses "WxH".
func parseSize(_ text: String) throws -> ImageSize {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
        throw ValidationError("--size must be WIDTHxHEIGHT in pixels, e.g. 1000x800 (got '\(text)')")
    }
    return ImageSize(width: width, height: height)
}
