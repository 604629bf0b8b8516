import Synchronization

/// A per-pixel coverage buffer (0...1) the size of the canvas, reused for every shape: a shape
/// is rasterised into it (taking the maximum where pieces overlap, so a translucent stroke is
/// blended once even where its segments meet), composited, and the touched pixels are reset.
struct CoverageMask {
    let width: Int
    let height: Int
    var coverage: [Float]
    var touched: [Int32] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        coverage = [Float](repeating: 0, count: width * height)
    }

    /// A cleared mask of this size, reusing one a finished canvas gave back (saves zeroing and
    /// faulting in megabytes per figure).
    static func reused(width: Int, height: Int) -> CoverageMask {
        let spare = pool.withLock { masks -> CoverageMask? in
            guard let i = masks.firstIndex(where: { $0.width == width && $0.height == height }) else { return nil }
            return masks.remove(at: i)
        }
        return spare ?? CoverageMask(width: width, height: height)
    }

    /// Gives the (all-zero) mask back for reuse; the pool keeps at most four.
    func recycle() {
        guard touched.isEmpty else { return }
        Self.pool.withLock { masks in
            if masks.count < 4 { masks.append(self) }
        }
    }

    static let pool = Mutex<[CoverageMask]>([])

    /// Raises the coverage of pixel `(x, y)` to at least `c`.
    @inline(__always)
    mutating func raise(_ index: Int, _ c: Float) {
        let old = coverage[index]
        if old == 0 { touched.append(Int32(index)) }
        if c > old { coverage[index] = c }
    }

    /// Adds a capsule (a segment with round caps) of half-width `r` between `a` and `b`, within
    /// the pixel bounds `clip` (x0, y0, x1, y1 exclusive). Coverage is `r + 0.5 - d` clamped,
    /// with `d` the distance from the pixel centre to the segment (and at most `2r` for
    /// hairlines thinner than a pixel).
    mutating func addCapsule(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, halfWidth r: Double, clip: (Int, Int, Int, Int)) {
        let reach = r + 0.5
        let dx = bx - ax, dy = by - ay
        let lengthSquared = dx * dx + dy * dy
        let y0 = max(clip.1, Int((min(ay, by) - reach).rounded(.down)))
        let y1 = min(clip.3 - 1, Int((max(ay, by) + reach).rounded(.up)))
        guard y0 <= y1 else { return }
        let cap = Float(min(1, 2 * r))
        for y in y0...y1 {
            let py = Double(y) + 0.5
            // The x span of the capsule's bounding band on this row.
            var xa: Double, xb: Double
            if abs(dy) < 1e-12 {
                xa = min(ax, bx)
                xb = max(ax, bx)
            } else {
                var t0 = (py - reach - ay) / dy, t1 = (py + reach - ay) / dy
                if t0 > t1 { swap(&t0, &t1) }
                t0 = max(0, t0)
                t1 = min(1, t1)
                if t0 > t1 { continue }
                xa = min(ax + dx * t0, ax + dx * t1)
                xb = max(ax + dx * t0, ax + dx * t1)
            }
            let x0 = max(clip.0, Int((xa - reach).rounded(.down)))
            let x1 = min(clip.2 - 1, Int((xb + reach).rounded(.up)))
            guard x0 <= x1 else { continue }
            let rowBase = y * width
            for x in x0...x1 {
                let px = Double(x) + 0.5
                var t = lengthSquared > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSquared : 0
                t = min(max(t, 0), 1)
                let ex = px - (ax + dx * t), ey = py - (ay + dy * t)
                let d = (ex * ex + ey * ey).squareRoot()
                let c = min(Float(reach - d), cap)
                if c > 0 { raise(rowBase + x, min(c, 1)) }
            }
        }
    }

    /// Adds a polygon by exact area coverage (signed-area accumulation along each row, as font
    /// rasterisers do), with non-zero winding clamped to full coverage.
    mutating func addPolygon(_ points: [(Double, Double)], clip: (Int, Int, Int, Int)) {
        guard points.count >= 3 else { return }
        let minX = points.map(\.0).min()!, maxX = points.map(\.0).max()!
        let minY = points.map(\.1).min()!, maxY = points.map(\.1).max()!
        let bx0 = max(clip.0, Int(minX.rounded(.down))), bx1 = min(clip.2, Int(maxX.rounded(.up)) + 1)
        let by0 = max(clip.1, Int(minY.rounded(.down))), by1 = min(clip.3, Int(maxY.rounded(.up)))
        guard bx0 < bx1, by0 < by1 else { return }
        // Accumulation over an unclipped x window so that edges left of the clip still count.
        let ax0 = Int(minX.rounded(.down)), ax1 = Int(maxX.rounded(.up)) + 2
        let w = ax1 - ax0, h = by1 - by0
        var accumulation = [Double](repeating: 0, count: w * h)
        for i in points.indices {
            let (px0, py0) = points[i]
            let (px1, py1) = points[(i + 1) % points.count]
            if py0 == py1 { continue }
            let dir: Double = py0 < py1 ? 1 : -1
            let (sx, sy, ex, ey) = py0 < py1 ? (px0, py0, px1, py1) : (px1, py1, px0, py0)
            let dxdy = (ex - sx) / (ey - sy)
            let rowStart = max(by0, Int(sy.rounded(.down))), rowEnd = min(by1, Int(ey.rounded(.up)))
            if rowStart >= rowEnd { continue }
            for row in rowStart..<rowEnd {
                let top = max(sy, Double(row)), bottom = min(ey, Double(row + 1))
                if bottom <= top { continue }
                let base = (row - by0) * w
                let d = (bottom - top) * dir
                let xTop = sx + (top - sy) * dxdy - Double(ax0), xBottom = sx + (bottom - sy) * dxdy - Double(ax0)
                let x0 = min(xTop, xBottom), x1 = max(xTop, xBottom)
                let x0floor = x0.rounded(.down), x1ceil = x1.rounded(.up)
                let x0i = Int(x0floor), x1i = Int(x1ceil)
                if x1i <= x0i + 1 {  // within one pixel column
                    let xmf = 0.5 * (xTop + xBottom) - x0floor
                    accumulation[base + x0i] += d - d * xmf
                    accumulation[base + x0i + 1] += d * xmf
                } else {  // spread by the exact trapezoid areas (font-rs)
                    let s = 1 / (x1 - x0)
                    let x0f = x0 - x0floor
                    let a0 = 0.5 * s * (1 - x0f) * (1 - x0f)
                    let x1f = x1 - x1ceil + 1
                    let am = 0.5 * s * x1f * x1f
                    accumulation[base + x0i] += d * a0
                    if x1i == x0i + 2 {
                        accumulation[base + x0i + 1] += d * (1 - a0 - am)
                    } else {
                        let a1 = s * (1.5 - x0f)
                        accumulation[base + x0i + 1] += d * (a1 - a0)
                        for xi in (x0i + 2)..<(x1i - 1) { accumulation[base + xi] += d * s }
                        let a2 = a1 + Double(x1i - x0i - 3) * s
                        accumulation[base + x1i - 1] += d * (1 - a2 - am)
                    }
                    accumulation[base + x1i] += d * am
                }
            }
        }
        for row in 0..<h {
            var sum = 0.0
            let base = row * w
            let y = by0 + row
            for column in 0..<w {
                sum += accumulation[base + column]
                let x = ax0 + column
                guard x >= bx0, x < bx1 else { continue }
                let c = min(abs(sum), 1)
                if c > 1e-4 { raise(y * width + x, Float(c)) }
            }
        }
    }
}
