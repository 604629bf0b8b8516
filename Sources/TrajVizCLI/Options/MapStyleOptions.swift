import ArgumentParser
import Plotting
import Scenes
import UseCases

/// How a contour map looks: size, colormap, levels, fill and domain. The style it builds checks
/// them (`MapStyle.mapOptions`).
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

    /// The style of a map in `layout`, its paths coloured by `colorBy`.
    func style(layout: MapLayout, colorBy: PathColoring? = nil) -> MapStyle {
        MapStyle(
            size: size, colormap: colormap, levels: levels, fill: fill == .bands ? .bands : .smooth, domain: domain, layout: layout,
            colorBy: colorBy)
    }
}

/// `--fill` values.
enum FillChoice: String, ExpressibleByArgument, CaseIterable { case bands, smooth }

/// Parses "WxH".
func parseSize(_ text: String) throws -> ImageSize {
    do {
        return try ImageSize(parsing: text)
    } catch {
        throw ValidationError(error.description)
    }
}
