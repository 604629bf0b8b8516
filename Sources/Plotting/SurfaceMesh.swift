import Foundation

/// A function's surface in the box of a 3-D panel: `cells` x `cells` quads over x and y in
/// [-1, 1], each vertex at the height of its value on a linear axis from the field's lowest
/// value (height 0) to its highest (`SurfaceView.boxHeight`). Linear even where the colours
/// are on a log scale: log heights turn a narrow valley sampled by a coarse mesh into a comb of
/// spikes. Vertices whose value is not finite are masked, and so are the quads that touch them.
struct SurfaceMesh {
    let cells: Int
    /// The values at height 0 and at the top of the box.
    let range: ClosedRange<Double>
    /// Heights, row-major by y then x, (cells + 1)² of them; NaN where masked.
    let heights: [Double]

    init(_ field: ScalarGrid, cells: Int) {
        self.cells = cells
        let range = SurfaceMesh.heightRange(of: field)
        self.range = range
        var heights: [Double] = []
        heights.reserveCapacity((cells + 1) * (cells + 1))
        for j in 0...cells {
            for i in 0...cells {
                let x = field.xRange.lowerBound + Double(i) / Double(cells) * (field.xRange.upperBound - field.xRange.lowerBound)
                let y = field.yRange.lowerBound + Double(j) / Double(cells) * (field.yRange.upperBound - field.yRange.lowerBound)
                let value = field.interpolated(x: min(x, field.xRange.upperBound), y: min(y, field.yRange.upperBound))
                heights.append(value.isFinite ? Self.height(of: value, range: range) : .nan)
            }
        }
        self.heights = heights
    }

    /// The values the box's height spans: the field's finite range (widened when flat).
    static func heightRange(of field: ScalarGrid) -> ClosedRange<Double> {
        let range = field.finiteRange ?? 0...1
        return Ticks.nonsingular(lower: range.lowerBound, upper: range.upperBound, scale: .linear)
    }

    /// A value's height in the box, clamped to it.
    static func height(of value: Double, range: ClosedRange<Double>) -> Double {
        min(max((value - range.lowerBound) / (range.upperBound - range.lowerBound), 0), 1) * SurfaceView.boxHeight
    }

    /// The value at box height `h`.
    func value(atHeight h: Double) -> Double { range.lowerBound + h / SurfaceView.boxHeight * (range.upperBound - range.lowerBound) }

    func vertex(_ i: Int, _ j: Int) -> Vector3 {
        Vector3(-1 + 2 * Double(i) / Double(cells), -1 + 2 * Double(j) / Double(cells), heights[j * (cells + 1) + i])
    }

    /// The bilinear height at box point `(x, y)`: NaN outside the box or in a masked quad.
    func height(x: Double, y: Double) -> Double {
        let u = (x + 1) / 2 * Double(cells), v = (y + 1) / 2 * Double(cells)
        guard u >= 0, v >= 0, u <= Double(cells), v <= Double(cells) else { return .nan }
        let i = min(Int(u), cells - 1), j = min(Int(v), cells - 1)
        let fu = u - Double(i), fv = v - Double(j)
        let h00 = vertex(i, j).z, h10 = vertex(i + 1, j).z, h01 = vertex(i, j + 1).z, h11 = vertex(i + 1, j + 1).z
        return (h00 * (1 - fu) + h10 * fu) * (1 - fv) + (h01 * (1 - fu) + h11 * fu) * fv
    }

    /// Whether the surface leaves `p` in sight of the camera: marching from `p` towards the
    /// camera in steps of half a quad, no point of the surface rises more than `tolerance` (1 %
    /// of the box height) above the ray before it leaves the box.
    func isVisible(_ p: Vector3, from view: SurfaceView) -> Bool {
        let direction = view.toCamera
        let step = 1 / Double(cells)
        let tolerance = 0.01 * SurfaceView.boxHeight
        var t = step
        while t < 6 {
            let q = p + direction * t
            guard abs(q.x) <= 1, abs(q.y) <= 1, q.z <= SurfaceView.boxHeight, q.z >= -SurfaceView.boxHeight else { return true }
            let h = height(x: q.x, y: q.y)
            if h.isFinite, h > q.z + tolerance { return false }
            t += step
        }
        return true
    }
}
