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
        // Per pixel edge (corners) and per pixel centre: the grid cell and the fraction in it.
        func cells(count: Int, pixel: (Double) -> Double, lower: Double, step: Double, samples: Int) -> (index: [Int], fraction: [Double]) {
            var index = [Int](repeating: -1, count: count), fraction = [Double](repeating: 0, count: count)
            for i in 0..<count {
                let u = (pixel(Double(i)) - lower) / step
                guard u >= 0, u <= Double(samples - 1) else { continue }
                let c = min(Int(u), samples - 2)
                index[i] = c
                fraction[i] = u - Double(c)
            }
            return (index, fraction)
        }
        let pixelWidth = rect.width / Double(width), pixelHeight = rect.height / Double(height)
        let xEdge = cells(count: width + 1, pixel: { transform.x.value(atPixel: rect.minX + $0 * pixelWidth) }, lower: grid.xRange.lowerBound, step: grid.dx, samples: grid.columns)
        let yEdge = cells(count: height + 1, pixel: { transform.y.value(atPixel: rect.minY + $0 * pixelHeight) }, lower: grid.yRange.lowerBound, step: grid.dy, samples: grid.rows)
        let xMid = cells(count: width, pixel: { transform.x.value(atPixel: rect.minX + ($0 + 0.5) * pixelWidth) }, lower: grid.xRange.lowerBound, step: grid.dx, samples: grid.columns)
        let yMid = cells(count: height, pixel: { transform.y.value(atPixel: rect.minY + ($0 + 0.5) * pixelHeight) }, lower: grid.yRange.lowerBound, step: grid.dy, samples: grid.rows)
        let values = grid.values, columns = grid.columns
        @inline(__always) func sample(_ c: Int, _ fu: Double, _ r: Int, _ fv: Double) -> Double {
            guard c >= 0, r >= 0 else { return .nan }
            let base = r * columns + c
            let bottom = values[base] + (values[base + 1] - values[base]) * fu
            let top = values[base + columns] + (values[base + columns + 1] - values[base + columns]) * fu
            let v = bottom + (top - bottom) * fv
            return v.isFinite ? v : .nan
        }
        var pixels = [Color](repeating: maskColor, count: width * height)
        switch scale.fill {
        case .smooth:
            let lutSize = 1024
            let lut = (0..<lutSize).map { scale.colormap.color(at: Double($0) / Double(lutSize - 1)) }
            for row in 0..<height {
                for column in 0..<width {
                    let v = sample(xMid.index[column], xMid.fraction[column], yMid.index[row], yMid.fraction[row])
                    guard v.isFinite else { continue }
                    let f = scale.levels.fraction(v)
                    let t = f.isFinite ? min(max(f, 0), 1) : 0
                    pixels[row * width + column] = lut[Int((t * Double(lutSize - 1)).rounded())]
                }
            }
        case .bands:
            let colors = (0..<scale.levels.bandCount).map(scale.bandColor)
            // The bilinear interpolant stays within its cell's corner values, so a cell whose four
            // samples share a band is that band throughout: only the cells a level crosses need
            // interpolating. Band per cell: >= 0 uniform, -1 masked, -2 crossed by a level.
            let sampleBands = values.map { $0.isFinite ? Int16(scale.levels.band(of: $0)) : -1 }
            var cellBands = [Int16](repeating: -1, count: (grid.columns - 1) * (grid.rows - 1))
            for r in 0..<(grid.rows - 1) {
                for c in 0..<(columns - 1) {
                    let i = r * columns + c
                    let a = sampleBands[i], b = sampleBands[i + 1], cc = sampleBands[i + columns], d = sampleBands[i + columns + 1]
                    cellBands[r * (columns - 1) + c] = (a < 0 || b < 0 || cc < 0 || d < 0) ? -1 : (a == b && b == cc && cc == d) ? a : -2
                }
            }
            // Band index at every pixel corner; -1 marks a masked corner.
            var corners = [Int16](repeating: -1, count: (width + 1) * (height + 1))
            for row in 0...height {
                let r = yEdge.index[row]
                guard r >= 0 else { continue }
                for column in 0...width {
                    let c = xEdge.index[column]
                    guard c >= 0 else { continue }
                    let known = cellBands[r * (columns - 1) + c]
                    if known != -2 {
                        corners[row * (width + 1) + column] = known
                    } else {
                        let v = sample(c, xEdge.fraction[column], r, yEdge.fraction[row])
                        if v.isFinite { corners[row * (width + 1) + column] = Int16(scale.levels.band(of: v)) }
                    }
                }
            }
            for row in 0..<height {
                for column in 0..<width {
                    let k = row * (width + 1) + column
                    let a = corners[k], b = corners[k + 1], c = corners[k + width + 1], d = corners[k + width + 2]
                    if a == b, b == c, c == d {
                        if a >= 0 { pixels[row * width + column] = colors[Int(a)] }
                        continue
                    }
                    let centre = sample(xMid.index[column], xMid.fraction[column], yMid.index[row], yMid.fraction[row])
                    let e = centre.isFinite ? scale.levels.band(of: centre) : -1
                    var r = 0, g = 0, bl = 0
                    @inline(__always) func add(_ band: Int) {
                        let color = band >= 0 ? colors[band] : maskColor
                        r += Int(color.red)
                        g += Int(color.green)
                        bl += Int(color.blue)
                    }
                    add(Int(a))
                    add(Int(b))
                    add(Int(c))
                    add(Int(d))
                    add(e)
                    pixels[row * width + column] = Color(red: UInt8((r + 2) / 5), green: UInt8((g + 2) / 5), blue: UInt8((bl + 2) / 5))
                }
            }
        }
        return Raster(width: width, height: height, pixels: pixels)
    }
}
