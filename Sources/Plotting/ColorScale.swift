/// How a field's values become colours: banded (one flat colour per contour band, as
/// matplotlib's `contourf`) or smooth (a continuous colormap of the interpolated value).
public enum FieldFill: String, Hashable, Sendable, CaseIterable, Codable {
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
        let columns = grid.columns
        let levels = scale.levels
        let pixels = grid.values.withUnsafeBufferPointer { values in
            [Color](unsafeUninitializedCapacity: width * height) { pixels, count in
                // Bilinear value at cell (c, r) with fractions (fu, fv); NaN outside or masked.
                @inline(__always) func sample(_ c: Int, _ fu: Double, _ r: Int, _ fv: Double) -> Double {
                    guard c >= 0, r >= 0 else { return .nan }
                    let base = r * columns + c
                    let bottom = values[base] + (values[base + 1] - values[base]) * fu
                    let top = values[base + columns] + (values[base + columns + 1] - values[base + columns]) * fu
                    let v = bottom + (top - bottom) * fv
                    return v.isFinite ? v : .nan
                }
                switch scale.fill {
                case .smooth:
                    renderSmooth(into: pixels, width: width, height: height, scale: scale, maskColor: maskColor) { column, row in
                        sample(xMid.index[column], xMid.fraction[column], yMid.index[row], yMid.fraction[row])
                    }
                case .bands:
                    let colors = (0..<levels.bandCount).map(scale.bandColor)
                    // The bilinear interpolant stays within its cell's corner values, so a cell whose four
                    // samples share a band is that band throughout: only the cells a level crosses need
                    // interpolating. Band per cell: >= 0 uniform, -1 masked, -2 crossed by a level.
                    let cellBands = bandsPerCell(values, columns: columns, rows: grid.rows, levels: levels)
                    // Band index at every pixel corner of two corner rows (above and below a pixel
                    // row); -1 marks a masked corner.
                    let corners = UnsafeMutablePointer<Int16>.allocate(capacity: 2 * (width + 1))
                    defer { corners.deallocate() }
                    var above = corners, below = corners + (width + 1)
                    cellBands.withUnsafeBufferPointer { cellBands in
                        func cornerBands(row: Int, into line: UnsafeMutablePointer<Int16>) {
                            let r = yEdge.index[row]
                            guard r >= 0 else {
                                line.update(repeating: -1, count: width + 1)
                                return
                            }
                            let cellRow = cellBands.baseAddress! + r * (columns - 1)
                            for column in 0...width {
                                let c = xEdge.index[column]
                                guard c >= 0 else {
                                    line[column] = -1
                                    continue
                                }
                                let known = cellRow[c]
                                if known != -2 {
                                    line[column] = known
                                } else {
                                    let v = sample(c, xEdge.fraction[column], r, yEdge.fraction[row])
                                    line[column] = v.isFinite ? Int16(levels.band(of: v)) : -1
                                }
                            }
                        }
                        cornerBands(row: 0, into: above)
                        colors.withUnsafeBufferPointer { colors in
                            @inline(__always) func color(_ band: Int) -> Color { band >= 0 ? colors[band] : maskColor }
                            for row in 0..<height {
                                cornerBands(row: row + 1, into: below)
                                let out = pixels.baseAddress! + row * width
                                for column in 0..<width {
                                    let a = above[column], b = above[column + 1], c = below[column], d = below[column + 1]
                                    if a == b, b == c, c == d {
                                        out[column] = color(Int(a))
                                        continue
                                    }
                                    // A pixel a level crosses: the mean of its four corners and its centre.
                                    let centre = sample(xMid.index[column], xMid.fraction[column], yMid.index[row], yMid.fraction[row])
                                    let e = centre.isFinite ? levels.band(of: centre) : -1
                                    let p = color(Int(a)), q = color(Int(b)), u = color(Int(c)), w = color(Int(d)), m = color(e)
                                    let red = Int(p.red) + Int(q.red) + Int(u.red) + Int(w.red) + Int(m.red)
                                    let green = Int(p.green) + Int(q.green) + Int(u.green) + Int(w.green) + Int(m.green)
                                    let blue = Int(p.blue) + Int(q.blue) + Int(u.blue) + Int(w.blue) + Int(m.blue)
                                    out[column] = Color(red: UInt8((red + 2) / 5), green: UInt8((green + 2) / 5), blue: UInt8((blue + 2) / 5))
                                }
                                swap(&above, &below)
                            }
                        }
                    }
                }
                count = width * height
            }
        }
        return Raster(width: width, height: height, pixels: pixels)
    }

    /// The band of every grid cell: the shared band when all four corners fall in one, -1 when
    /// a corner is masked, -2 when a level crosses the cell.
    static func bandsPerCell(_ values: UnsafeBufferPointer<Double>, columns: Int, rows: Int, levels: ColorLevels) -> [Int16] {
        let sampleBands = values.map { $0.isFinite ? Int16(levels.band(of: $0)) : -1 }
        return sampleBands.withUnsafeBufferPointer { sampleBands in
            [Int16](unsafeUninitializedCapacity: (columns - 1) * (rows - 1)) { cells, count in
                for r in 0..<(rows - 1) {
                    for c in 0..<(columns - 1) {
                        let i = r * columns + c
                        let a = sampleBands[i], b = sampleBands[i + 1], cc = sampleBands[i + columns], d = sampleBands[i + columns + 1]
                        cells[r * (columns - 1) + c] = (a < 0 || b < 0 || cc < 0 || d < 0) ? -1 : (a == b && b == cc && cc == d) ? a : -2
                    }
                }
                count = (columns - 1) * (rows - 1)
            }
        }
    }

    /// The smooth fill: each pixel centre's value through a 1024-entry table of the colormap.
    static func renderSmooth(
        into pixels: UnsafeMutableBufferPointer<Color>, width: Int, height: Int, scale: ColorScale, maskColor: Color, value: (Int, Int) -> Double
    ) {
        let lutSize = 1024
        let lut = (0..<lutSize).map { scale.colormap.color(at: Double($0) / Double(lutSize - 1)) }
        let levels = scale.levels
        // levels.fraction(v) with its two end points computed once.
        let first = levels.scale.forward(levels.values[0]), last = levels.scale.forward(levels.values[levels.values.count - 1])
        for row in 0..<height {
            for column in 0..<width {
                let v = value(column, row)
                guard v.isFinite else {
                    pixels[row * width + column] = maskColor
                    continue
                }
                let f = (levels.scale.forward(v) - first) / (last - first)
                let t = f.isFinite ? min(max(f, 0), 1) : 0
                pixels[row * width + column] = lut[Int((t * Double(lutSize - 1)).rounded())]
            }
        }
    }
}
