import Plotting
import Synchronization

/// A per-pixel coverage buffer (0...1) the size of the canvas, reused for every shape: a shape
/// is rasterised into it (taking the maximum where pieces overlap, so a translucent stroke is
/// blended once even where its segments meet), composited, and the touched pixels are reset.
///
/// The buffers are raw memory owned by the mask (no copy-on-write or bounds checks in the
/// per-pixel loops); a mask belongs to one canvas at a time, which hands it back to a small
/// pool when it is done.
final class CoverageMask: @unchecked Sendable {
    let width: Int
    let height: Int
    /// Coverage per pixel, row-major; zero outside the shape being built.
    let coverage: UnsafeMutablePointer<Float>
    /// The pixels with non-zero coverage, each as `y << 14 | x` (sides are at most 16384).
    private(set) var touched: UnsafeMutablePointer<Int32>
    private(set) var touchedCount = 0
    private var touchedCapacity: Int

    static let coordinateBits = 14

    init(width: Int, height: Int) {
        precondition(width <= 1 << Self.coordinateBits && height <= 1 << Self.coordinateBits, "canvas sides are limited by ImageSizeLimit")
        self.width = width
        self.height = height
        coverage = .allocate(capacity: width * height)
        coverage.initialize(repeating: 0, count: width * height)
        touchedCapacity = 1 << 12
        touched = .allocate(capacity: touchedCapacity)
    }

    deinit {
        coverage.deallocate()
        touched.deallocate()
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
        guard touchedCount == 0 else { return }
        Self.pool.withLock { masks in
            if masks.count < 4 { masks.append(self) }
        }
    }

    static let pool = Mutex<[CoverageMask]>([])

    /// Calls `body(x, y, coverage)` for every touched pixel, then clears the mask.
    @inline(__always)
    func drain(_ body: (Int, Int, Float) -> Void) {
        let mask = Int32(1 << Self.coordinateBits - 1)
        for k in 0..<touchedCount {
            let packed = touched[k]
            let x = Int(packed & mask), y = Int(packed >> Int32(Self.coordinateBits))
            let i = y * width + x
            let c = coverage[i]
            coverage[i] = 0
            body(x, y, c)
        }
        touchedCount = 0
    }

    /// Raises the coverage of pixel `(x, y)` to at least `c` (> 0).
    @inline(__always)
    func raise(_ x: Int, _ y: Int, _ c: Float) {
        let i = y * width + x
        let old = coverage[i]
        if old == 0 {
            if touchedCount == touchedCapacity { growTouched() }
            touched[touchedCount] = Int32(truncatingIfNeeded: y << Self.coordinateBits | x)
            touchedCount += 1
        }
        if c > old { coverage[i] = c }
    }

    private func growTouched() {
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: touchedCapacity * 2)
        grown.moveInitialize(from: touched, count: touchedCount)
        touched.deallocate()
        touched = grown
        touchedCapacity *= 2
    }

    /// Adds a capsule (a segment with round caps) of half-width `r` between `a` and `b`, within
    /// the pixel bounds `clip` (x0, y0, x1, y1 exclusive). Coverage is `r + 0.5 - d` clamped,
    /// with `d` the distance from the pixel centre to the segment (and at most `2r` for
    /// hairlines thinner than a pixel). Pixels already at that most are skipped.
    func addCapsule(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, halfWidth r: Double, clip: (Int, Int, Int, Int)) {
        let reach = r + 0.5
        let dx = bx - ax, dy = by - ay
        let lengthSquared = dx * dx + dy * dy
        let y0 = max(clip.1, Int((min(ay, by) - reach).rounded(.down)))
        let y1 = min(clip.3 - 1, Int((max(ay, by) + reach).rounded(.up)))
        guard y0 <= y1 else { return }
        let cap = Float(min(1, 2 * r))
        // A pixel centre at squared distance beyond this is outside the capsule (c <= 0) with a
        // margin far above rounding error, so its square root is not needed.
        let outsideSquared = reach * reach * (1 + 1e-9)
        let horizontal = abs(dy) < 1e-12
        for y in y0...y1 {
            let py = Double(y) + 0.5
            // The x span of the capsule's bounding band on this row.
            var xa: Double, xb: Double
            if horizontal {
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
            let row = coverage + y * width
            for x in x0...x1 {
                let px = Double(x) + 0.5
                var t = lengthSquared > 0 ? ((px - ax) * dx + (py - ay) * dy) / lengthSquared : 0
                t = min(max(t, 0), 1)
                let ex = px - (ax + dx * t), ey = py - (ay + dy * t)
                let squared = ex * ex + ey * ey
                if squared >= outsideSquared || row[x] >= cap { continue }
                let d = squared.squareRoot()
                let c = min(Float(reach - d), cap)
                if c > 0 { raise(x, y, min(c, 1)) }
            }
        }
    }

    /// Adds a polygon by exact area coverage (signed-area accumulation along each row, as font
    /// rasterisers do), with non-zero winding clamped to full coverage.
    func addPolygon(_ points: [Point], clip: (Int, Int, Int, Int)) {
        guard points.count >= 3 else { return }
        var minX = points[0].x, maxX = points[0].x, minY = points[0].y, maxY = points[0].y
        for p in points.dropFirst() {
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            minY = min(minY, p.y)
            maxY = max(maxY, p.y)
        }
        let bx0 = max(clip.0, Int(minX.rounded(.down))), bx1 = min(clip.2, Int(maxX.rounded(.up)) + 1)
        let by0 = max(clip.1, Int(minY.rounded(.down))), by1 = min(clip.3, Int(maxY.rounded(.up)))
        guard bx0 < bx1, by0 < by1 else { return }
        // Accumulation over an unclipped x window so that edges left of the clip still count.
        let ax0 = Int(minX.rounded(.down)), ax1 = Int(maxX.rounded(.up)) + 2
        let w = ax1 - ax0, h = by1 - by0
        let accumulation = UnsafeMutablePointer<Double>.allocate(capacity: w * h)
        accumulation.initialize(repeating: 0, count: w * h)
        defer { accumulation.deallocate() }
        for i in points.indices {
            let (px0, py0) = (points[i].x, points[i].y)
            let next = points[i + 1 == points.count ? 0 : i + 1]
            let (px1, py1) = (next.x, next.y)
            if py0 == py1 { continue }
            let dir: Double = py0 < py1 ? 1 : -1
            let (sx, sy, ex, ey) = py0 < py1 ? (px0, py0, px1, py1) : (px1, py1, px0, py0)
            let dxdy = (ex - sx) / (ey - sy)
            let rowStart = max(by0, Int(sy.rounded(.down))), rowEnd = min(by1, Int(ey.rounded(.up)))
            if rowStart >= rowEnd { continue }
            for row in rowStart..<rowEnd {
                let top = max(sy, Double(row)), bottom = min(ey, Double(row + 1))
                if bottom <= top { continue }
                let line = accumulation + (row - by0) * w
                let d = (bottom - top) * dir
                let xTop = sx + (top - sy) * dxdy - Double(ax0), xBottom = sx + (bottom - sy) * dxdy - Double(ax0)
                let x0 = min(xTop, xBottom), x1 = max(xTop, xBottom)
                let x0floor = x0.rounded(.down), x1ceil = x1.rounded(.up)
                let x0i = Int(x0floor), x1i = Int(x1ceil)
                if x1i <= x0i + 1 {  // within one pixel column
                    let xmf = 0.5 * (xTop + xBottom) - x0floor
                    line[x0i] += d - d * xmf
                    line[x0i + 1] += d * xmf
                } else {  // spread by the exact trapezoid areas (font-rs)
                    let s = 1 / (x1 - x0)
                    let x0f = x0 - x0floor
                    let a0 = 0.5 * s * (1 - x0f) * (1 - x0f)
                    let x1f = x1 - x1ceil + 1
                    let am = 0.5 * s * x1f * x1f
                    line[x0i] += d * a0
                    if x1i == x0i + 2 {
                        line[x0i + 1] += d * (1 - a0 - am)
                    } else {
                        let a1 = s * (1.5 - x0f)
                        line[x0i + 1] += d * (a1 - a0)
                        for xi in (x0i + 2)..<(x1i - 1) { line[xi] += d * s }
                        let a2 = a1 + Double(x1i - x0i - 3) * s
                        line[x1i - 1] += d * (1 - a2 - am)
                    }
                    line[x1i] += d * am
                }
            }
        }
        for row in 0..<h {
            var sum = 0.0
            let line = accumulation + row * w
            let y = by0 + row
            for column in 0..<w {
                sum += line[column]
                let x = ax0 + column
                guard x >= bx0, x < bx1 else { continue }
                let c = min(abs(sum), 1)
                if c > 1e-4 { raise(x, y, Float(c)) }
            }
        }
    }
}
