/// Samples of a scalar field on a regular grid over a rectangle of the plane.
///
/// `values[row * columns + column]` is the value at `x = xRange.lowerBound + column * dx`,
/// `y = yRange.lowerBound + row * dy`, so row 0 is the bottom of the map. Non-finite values
/// (NaN, ±∞) are masked: every cell that touches one is left out of contours and fills.
public struct ScalarGrid: Sendable {
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    public let columns: Int
    public let rows: Int
    public let values: [Double]

    /// A grid from its samples; throws when the counts disagree or the grid is smaller than 2x2.
    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int, values: [Double]) throws(PlotError) {
        guard columns >= 2, rows >= 2 else {
            throw PlotError("grid of \(columns)x\(rows) samples is too small: a contour map needs at least 2x2 samples")
        }
        guard values.count == columns * rows else {
            throw PlotError("grid has \(values.count) values but \(columns)x\(rows) = \(columns * rows) were declared")
        }
        guard xRange.upperBound > xRange.lowerBound, yRange.upperBound > yRange.lowerBound,
            xRange.lowerBound.isFinite, xRange.upperBound.isFinite, yRange.lowerBound.isFinite, yRange.upperBound.isFinite
        else {
            throw PlotError("grid domain x \(xRange), y \(yRange) is empty or not finite: give xmin < xmax and ymin < ymax")
        }
        self.xRange = xRange
        self.yRange = yRange
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// The grid of `f(x, y)` sampled at `columns` x `rows` points spanning the ranges.
    public static func sampling(
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int, _ f: (Double, Double) -> Double
    ) throws(PlotError) -> ScalarGrid {
        guard columns >= 2, rows >= 2 else {
            throw PlotError("grid of \(columns)x\(rows) samples is too small: a contour map needs at least 2x2 samples")
        }
        var values: [Double] = []
        values.reserveCapacity(columns * rows)
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(columns - 1)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(rows - 1)
        for row in 0..<rows {
            let y = yRange.lowerBound + Double(row) * dy
            for column in 0..<columns { values.append(f(xRange.lowerBound + Double(column) * dx, y)) }
        }
        return try ScalarGrid(xRange: xRange, yRange: yRange, columns: columns, rows: rows, values: values)
    }

    public var dx: Double { (xRange.upperBound - xRange.lowerBound) / Double(columns - 1) }
    public var dy: Double { (yRange.upperBound - yRange.lowerBound) / Double(rows - 1) }

    @inline(__always)
    public func value(column: Int, row: Int) -> Double { values[row * columns + column] }
    public func x(column: Double) -> Double { xRange.lowerBound + column * dx }
    public func y(row: Double) -> Double { yRange.lowerBound + row * dy }

    /// The smallest and largest finite values, or `nil` when every value is masked.
    public var finiteRange: ClosedRange<Double>? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        return lo <= hi ? lo...hi : nil
    }

    /// The smallest finite value above zero, or `nil`.
    public var smallestPositive: Double? {
        var lo = Double.infinity
        for v in values where v.isFinite && v > 0 { lo = min(lo, v) }
        return lo.isFinite ? lo : nil
    }

    /// The bilinear interpolation at `(x, y)`: NaN outside the grid or in a masked cell.
    @inline(__always)
    public func interpolated(x: Double, y: Double) -> Double {
        let u = (x - xRange.lowerBound) / dx, v = (y - yRange.lowerBound) / dy
        guard u >= 0, v >= 0, u <= Double(columns - 1), v <= Double(rows - 1) else { return .nan }
        let c = min(Int(u), columns - 2), r = min(Int(v), rows - 2)
        let fu = u - Double(c), fv = v - Double(r)
        let base = r * columns + c
        let v00 = values[base], v10 = values[base + 1], v01 = values[base + columns], v11 = values[base + columns + 1]
        let bottom = v00 + (v10 - v00) * fu, top = v01 + (v11 - v01) * fu
        let result = bottom + (top - bottom) * fv
        // Any non-finite corner makes the result NaN or infinite (inf - inf, inf * 0, ...).
        return result.isFinite ? result : .nan
    }
}
