/// How a field's values become colours: banded (one flat colour per contour band, as
/// matplotlib's `contourf`) or smooth (a continuous colormap of the interpolated value).
public enum FieldFill: String, Hashable, Sendable, CaseIterable {
    case bands
    case smooth
}

/// A colormap applied to contour levels. Band `i` of `n` takes the colour at `(i + 0.5) / n`;
/// a smooth fill takes the colour at the value's fraction along the level scale.
public struct ColorScale: Hashable, Sendable {
    public var levels: ColorLevels
    public var colormap: Colormap
    public var fill: FieldFill

    public init(levels: ColorLevels, colormap: Colormap = .viridis, fill: FieldFill = .bands) {
        self.levels = levels
        self.colormap = colormap
        self.fill = fill
    }

    /// The colour of band `i`.
    public func bandColor(_ i: Int) -> Color { colormap.color(at: (Double(i) + 0.5) / Double(levels.bandCount)) }

    /// The colour of value `v` under this scale's fill.
    public func color(of v: Double) -> Color {
        switch fill {
        case .bands: return bandColor(levels.band(of: v))
        case .smooth: return colormap.color(at: levels.fraction(v))
        }
    }
}

/// An RGBA image in memory, rows top to bottom.
public struct Raster: Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [Color]

    public init(width: Int, height: Int, pixels: [Color]) {
        precondition(pixels.count == width * height, "raster pixel count must equal width x height")
        self.width = width
        self.height = height
        self.pixels = pixels
    }
}

/// The per-pixel colour field of a grid under a colour scale.
///
/// Every pixel centre is mapped back to data coordinates and the grid is interpolated
/// bilinearly there; masked (non-finite) cells take `maskColor`. Banded fills are
/// anti-aliased: a pixel whose corners fall into different bands averages the colours of its
/// four corners and its centre.
public enum FieldRaster {
    public static func render(
        _ grid: ScalarGrid, scale: ColorScale, transform: PlotTransform, in rect: Rect, maskColor: Color
    ) -> Raster {
        let width = max(1, Int(rect.width.rounded())), height = max(1, Int(rect.height.rounded()))
        let xs = (0...width).map { transform.x.value(atPixel: rect.minX + Double($0) * rect.width / Double(width)) }
        let ys = (0...height).map { transform.y.value(atPixel: rect.minY + Double($0) * rect.height / Double(height)) }
        var pixels = [Color](repeating: maskColor, count: width * height)
        switch scale.fill {
        case .smooth:
            let lutSize = 1024
            let lut = (0..<lutSize).map { scale.colormap.color(at: Double($0) / Double(lutSize - 1)) }
            for row in 0..<height {
                let y = (ys[row] + ys[row + 1]) / 2
                for column in 0..<width {
                    let v = grid.interpolated(x: (xs[column] + xs[column + 1]) / 2, y: y)
                    guard v.isFinite else { continue }
                    let f = scale.levels.fraction(v)
                    let t = f.isFinite ? min(max(f, 0), 1) : 0
                    pixels[row * width + column] = lut[Int((t * Double(lutSize - 1)).rounded())]
                }
            }
        case .bands:
            let colors = (0..<scale.levels.bandCount).map(scale.bandColor)
            // Band index at every pixel corner; -1 marks a masked corner.
            var corners = [Int](repeating: -1, count: (width + 1) * (height + 1))
            for row in 0...height {
                for column in 0...width {
                    let v = grid.interpolated(x: xs[column], y: ys[row])
                    if v.isFinite { corners[row * (width + 1) + column] = scale.levels.band(of: v) }
                }
            }
            for row in 0..<height {
                for column in 0..<width {
                    let k = row * (width + 1) + column
                    let a = corners[k], b = corners[k + 1], c = corners[k + width + 1], d = corners[k + width + 2]
                    if a == b, b == c, c == d {
                        if a >= 0 { pixels[row * width + column] = colors[a] }
                        continue
                    }
                    let centre = grid.interpolated(x: (xs[column] + xs[column + 1]) / 2, y: (ys[row] + ys[row + 1]) / 2)
                    let e = centre.isFinite ? scale.levels.band(of: centre) : -1
                    var r = 0, g = 0, bl = 0
                    for band in [a, b, c, d, e] {
                        let color = band >= 0 ? colors[band] : maskColor
                        r += Int(color.red)
                        g += Int(color.green)
                        bl += Int(color.blue)
                    }
                    pixels[row * width + column] = Color(red: UInt8((r + 2) / 5), green: UInt8((g + 2) / 5), blue: UInt8((bl + 2) / 5))
                }
            }
        }
        return Raster(width: width, height: height, pixels: pixels)
    }
}
