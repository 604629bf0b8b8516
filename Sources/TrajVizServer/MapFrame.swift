import GDRenderer
import HTTPTypes
import Hummingbird
import Plotting

/// Where a map's plot area lies in its image and which data it spans, so that the page can turn
/// a click into a start point: two pixel corners and the data coordinates at them, sent in the
/// `X-TrajViz-Frame` header as "px0,py0,px1,py1,x0,y0,x1,y1" (maps have linear axes).
struct MapFrame {
    static let header = HTTPField.Name("X-TrajViz-Frame")!

    var pixels: (Point, Point)
    var data: (Point, Point)

    /// The frame of the figure's first panel; `nil` when it has no panel.
    init?(_ figure: Figure) {
        guard let measurer = try? GDCanvas(width: 1, height: 1),
            let panel = figure.layout(measurer: measurer).panels.first
        else { return nil }
        let lower = Point(panel.transform.x.lower, panel.transform.y.lower)
        let upper = Point(panel.transform.x.upper, panel.transform.y.upper)
        pixels = (panel.transform.pixel(lower), panel.transform.pixel(upper))
        data = (lower, upper)
    }

    var headerValue: String {
        [pixels.0.x, pixels.0.y, pixels.1.x, pixels.1.y, data.0.x, data.0.y, data.1.x, data.1.y].map { "\($0)" }.joined(separator: ",")
    }
}
