import CGD
import Foundation
import Plotting
import Synchronization

/// The libgd renderer: a truecolor canvas implementing the `Renderer` protocol.
///
/// Lines and polygons are anti-aliased by exact coverage (capsules with round caps and joins
/// for strokes, signed-area accumulation for fills) and composited once per shape, so
/// translucent strokes do not darken where their segments meet; libgd's own one-pixel
/// anti-aliased lines and unsmoothed thick lines are not used. Text goes through FreeType
/// (`gdImageStringFT`) with DejaVu Sans; text drawn again at the same place replays the pixels
/// libgd wrote (`TextStamps`). Same drawing calls give the same bytes.
public final class GDCanvas: Renderer {
    public let image: GDImage
    public let width: Int
    public let height: Int
    let fonts: FontSource
    let mask: CoverageMask
    var clipBounds: (Int, Int, Int, Int)
    /// libgd's row pointers (`tpixels`): pixel `(x, y)` is `rows[y][x]`.
    let rows: UnsafeMutablePointer<UnsafeMutablePointer<Int32>>

    /// A canvas of `width` x `height` pixels; throws for sizes outside `ImageSizeLimit`.
    public init(width: Int, height: Int, fonts: FontSource = .shared) throws(RenderError) {
        do { try ImageSizeLimit.validate(width: width, height: height) } catch { throw RenderError(error.description) }
        guard let image = GDImage(width: width, height: height) else {
            throw RenderError("libgd could not allocate a \(width)x\(height) image (out of memory?)")
        }
        self.image = image
        self.width = width
        self.height = height
        self.fonts = fonts
        mask = CoverageMask.reused(width: width, height: height)
        clipBounds = (0, 0, width, height)
        rows = UnsafeMutableRawPointer(image.pointer.pointee.tpixels).assumingMemoryBound(to: UnsafeMutablePointer<Int32>.self)
        gdImageAlphaBlending(image.pointer, 1)
        gdImageSaveAlpha(image.pointer, 0)
    }

    deinit {
        mask.recycle()
    }

    // MARK: Renderer

    public func fill(polygon: [Point], color: Color) {
        guard polygon.count >= 3, color.alpha > 0, polygon.allSatisfy(\.isFinite) else { return }
        if polygon.count == 4, let rect = axisAlignedRect(polygon) {
            fillRect(rect, color: color)
            return
        }
        mask.addPolygon(polygon, clip: clipBounds)
        composite(color)
    }

    public func stroke(polyline: [Point], style: StrokeStyle, closed: Bool) {
        guard style.width > 0, style.color.alpha > 0 else { return }
        var points = polyline.filter(\.isFinite)
        guard !points.isEmpty else { return }
        if closed, let first = points.first { points.append(first) }
        let r = style.width / 2
        // Only segments that can reach the clip area.
        let margin = r + 1
        let bounds = Rect(x: Double(clipBounds.0) - margin, y: Double(clipBounds.1) - margin, width: Double(clipBounds.2 - clipBounds.0) + 2 * margin, height: Double(clipBounds.3 - clipBounds.1) + 2 * margin)
        for piece in dashed(points, pattern: style.dash) {
            if piece.count == 1 {
                mask.addCapsule(piece[0].x, piece[0].y, piece[0].x, piece[0].y, halfWidth: r, clip: clipBounds)
            }
            for (a, b) in zip(piece, piece.dropFirst()) {
                if max(a.x, b.x) < bounds.minX || min(a.x, b.x) > bounds.maxX || max(a.y, b.y) < bounds.minY || min(a.y, b.y) > bounds.maxY { continue }
                let (ca, cb) = clampSegment(a, b, to: bounds)
                mask.addCapsule(ca.x, ca.y, cb.x, cb.y, halfWidth: r, clip: clipBounds)
            }
        }
        composite(style.color)
    }

    public func text(_ text: String, at point: Point, style: TextStyle, horizontal: HorizontalAnchor, vertical: VerticalAnchor, rotation: Double) {
        guard !text.isEmpty, point.isFinite else { return }
        let extent = measure(text, style: style)
        let ox: Double = horizontal == .left ? 0 : horizontal == .center ? -extent.width / 2 : -extent.width
        let oy: Double = vertical == .top ? extent.ascent : vertical == .middle ? (extent.ascent - extent.descent) / 2 : vertical == .baseline ? 0 : -extent.descent
        let theta = rotation * .pi / 180
        let x = point.x + ox * cos(theta) + oy * sin(theta)
        let y = point.y - ox * sin(theta) + oy * cos(theta)
        let c = style.color
        let gdAlpha = Int32(127 - Int(c.alpha) * 127 / 255)
        let ink: Int32 = (gdAlpha << 24) | (Int32(c.red) << 16) | (Int32(c.green) << 8) | Int32(c.blue)
        guard let font = style.bold ? fonts.bold : fonts.regular else {
            let bitmap = gdFontGetLarge()
            text.withCString { s in
                let bytes = UnsafeMutableRawPointer(mutating: s).assumingMemoryBound(to: UInt8.self)
                if rotation == 90 {
                    gdImageStringUp(image.pointer, bitmap, Int32(x.rounded()), Int32((y - extent.ascent).rounded()) + Int32(extent.height), bytes, ink)
                } else {
                    gdImageString(image.pointer, bitmap, Int32(x.rounded()), Int32((y - extent.ascent).rounded()), bytes, ink)
                }
            }
            return
        }
        let ix = Int(x.rounded()), iy = Int(y.rounded())
        let points = style.size * 0.75
        if rotation == 0 || rotation == 90 {
            // The scratch area around the anchor, beyond the glyphs (the text runs right at 0°, up
            // at 90°): an em before and after, 1.6 em above the baseline and 0.8 em below. A glyph
            // that reaches its border anyway makes the text unrecordable.
            let em = Int(style.size.rounded(.up)) + 4, w = Int(extent.width.rounded(.up))
            let above = Int((style.size * 1.6).rounded(.up)) + 4, below = Int((style.size * 0.8).rounded(.up)) + 4
            let box = rotation == 0 ? (x0: -em, y0: -above, x1: w + em, y1: below) : (x0: -above, y0: -w - em, x1: below, y1: em)
            if ix + box.x0 >= 0, iy + box.y0 >= 0, ix + box.x1 <= width, iy + box.y1 <= height {
                let key = "\(font)|\(points)|\(rotation)|\(ix)|\(iy)|\(ink)|\(text)"
                switch TextStamps.lookup(key) {
                case .stamp(let stamp):
                    replay(stamp, x: ix, y: iy)
                    return
                case .seenOnce:
                    if let stamp = TextStamps.record(font: font, points: points, angle: theta, ink: ink, text: text, box: box) {
                        TextStamps.store(.stamp(stamp), for: key)
                        replay(stamp, x: ix, y: iy)
                        return
                    }
                    TextStamps.store(.never, for: key)
                case .never, nil:
                    break
                }
            }
        }
        var corners = [Int32](repeating: 0, count: 8)
        _ = font.withCString { name in
            text.withCString { s in
                gdImageStringFT(image.pointer, &corners, ink, UnsafeMutablePointer(mutating: name), points, theta, Int32(ix), Int32(iy), UnsafeMutablePointer(mutating: s))
            }
        }
    }

    /// Writes a recorded text stamp with its anchor at `(x, y)` as libgd's text drawing does:
    /// within the clip, blended over what is there unless that is fully transparent.
    func replay(_ stamp: TextStamp, x: Int, y: Int) {
        let (x0, y0, x1, y1) = clipBounds
        for k in stamp.source.indices {
            let px = x + Int(stamp.dx[k]), py = y + Int(stamp.dy[k])
            guard px >= x0, px < x1, py >= y0, py < y1 else { continue }
            let row = rows[py]
            let pixel = row[px], source = stamp.source[k]
            row[px] = (pixel >> 24) & 0x7F != 127 ? gdAlphaBlend(pixel, source) : source
        }
    }

    public func measure(_ text: String, style: TextStyle) -> TextExtent {
        let key = "\((style.bold ? fonts.bold : fonts.regular) ?? "built-in")|\(style.size)|\(text)"
        if let known = textExtents.withLock({ $0[key] }) { return known }
        let extent: TextExtent
        if let font = style.bold ? fonts.bold : fonts.regular {
            var box = [Int32](repeating: 0, count: 8)
            let failed = font.withCString { name in
                text.withCString { s in
                    gdImageStringFT(nil, &box, 0, UnsafeMutablePointer(mutating: name), style.size * 0.75, 0, 0, 0, UnsafeMutablePointer(mutating: s)) != nil
                }
            }
            // Font-wide ascent and descent (DejaVu Sans cap height ≈ 0.73 em) keep labels of
            // different strings on one baseline grid.
            extent = TextExtent(width: failed ? 0 : Double(box[2] - box[0]), ascent: style.size * 0.76, descent: style.size * 0.24)
        } else {
            let bitmap = gdFontGetLarge()!.pointee
            extent = TextExtent(width: Double(Int(bitmap.w) * text.utf8.count), ascent: Double(bitmap.h) * 0.8, descent: Double(bitmap.h) * 0.2)
        }
        textExtents.withLock { $0[key] = extent }
        return extent
    }

    public func draw(raster: Raster, in rect: Rect) {
        guard raster.width > 0, raster.height > 0, rect.width > 0, rect.height > 0 else { return }
        let x0 = max(clipBounds.0, Int(rect.minX.rounded())), x1 = min(clipBounds.2, Int(rect.maxX.rounded()))
        let y0 = max(clipBounds.1, Int(rect.minY.rounded())), y1 = min(clipBounds.3, Int(rect.maxY.rounded()))
        guard x0 < x1, y0 < y1 else { return }
        let sx = Double(raster.width) / rect.width, sy = Double(raster.height) / rect.height
        let columns = (x0..<x1).map { min(raster.width - 1, max(0, Int((Double($0) + 0.5 - rect.minX) * sx))) }
        // One raster pixel per canvas pixel (the usual case for a field): rows copy straight.
        let firstColumn = columns[0]
        let contiguous = columns.indices.allSatisfy { columns[$0] == firstColumn + $0 }
        @inline(__always) func put(_ c: Color, _ row: UnsafeMutablePointer<Int32>, _ i: Int) {
            if c.alpha == 255 {
                row[i] = (Int32(c.red) << 16) | (Int32(c.green) << 8) | Int32(c.blue)
            } else if c.alpha > 0 {
                row[i] = blend(row[i], c, coverage: 1)
            }
        }
        raster.pixels.withUnsafeBufferPointer { source in
            columns.withUnsafeBufferPointer { columns in
                for y in y0..<y1 {
                    let sourceRow = source.baseAddress! + min(raster.height - 1, max(0, Int((Double(y) + 0.5 - rect.minY) * sy))) * raster.width
                    let row = rows[y] + x0
                    if contiguous {
                        let run = sourceRow + firstColumn
                        for i in 0..<(x1 - x0) { put(run[i], row, i) }
                    } else {
                        for i in 0..<(x1 - x0) { put(sourceRow[columns[i]], row, i) }
                    }
                }
            }
        }
    }

    public func clip(to rect: Rect?) {
        if let rect {
            clipBounds = (max(0, Int(rect.minX.rounded(.down))), max(0, Int(rect.minY.rounded(.down))), min(width, Int(rect.maxX.rounded(.up))), min(height, Int(rect.maxY.rounded(.up))))
        } else {
            clipBounds = (0, 0, width, height)
        }
        gdImageSetClip(image.pointer, Int32(clipBounds.0), Int32(clipBounds.1), Int32(max(clipBounds.2 - 1, 0)), Int32(max(clipBounds.3 - 1, 0)))
    }

    /// The rectangle a four-point polygon is, if it is axis-aligned.
    func axisAlignedRect(_ p: [Point]) -> Rect? {
        let horizontalFirst = p[0].y == p[1].y && p[1].x == p[2].x && p[2].y == p[3].y && p[3].x == p[0].x
        let verticalFirst = p[0].x == p[1].x && p[1].y == p[2].y && p[2].x == p[3].x && p[3].y == p[0].y
        guard horizontalFirst || verticalFirst else { return nil }
        let xs = p.map(\.x), ys = p.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }

    /// Fills a rectangle directly: exact area coverage on its edge pixels, plain writes inside.
    func fillRect(_ rect: Rect, color: Color) {
        let x0 = max(clipBounds.0, Int(rect.minX.rounded(.down))), x1 = min(clipBounds.2, Int(rect.maxX.rounded(.up)))
        let y0 = max(clipBounds.1, Int(rect.minY.rounded(.down))), y1 = min(clipBounds.3, Int(rect.maxY.rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        let opaque: Int32 = (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue)
        let columnCoverage = (x0..<x1).map { x in min(rect.maxX, Double(x + 1)) - max(rect.minX, Double(x)) }
        // The columns wholly inside the rectangle, a run: an opaque colour is stored there
        // directly on every row that is wholly inside too.
        let fullStart = columnCoverage.firstIndex { $0 >= 1 } ?? columnCoverage.count
        let fullEnd = (columnCoverage.lastIndex { $0 >= 1 } ?? -1) + 1
        columnCoverage.withUnsafeBufferPointer { columnCoverage in
            for y in y0..<y1 {
                let rowCoverage = min(rect.maxY, Double(y + 1)) - max(rect.minY, Double(y))
                let row = rows[y] + x0
                if rowCoverage >= 1, color.alpha == 255, fullStart < fullEnd {
                    (row + fullStart).update(repeating: opaque, count: fullEnd - fullStart)
                    for i in 0..<fullStart where columnCoverage[i] > 0 { row[i] = blend(row[i], color, coverage: columnCoverage[i]) }
                    for i in fullEnd..<columnCoverage.count where columnCoverage[i] > 0 { row[i] = blend(row[i], color, coverage: columnCoverage[i]) }
                    continue
                }
                for i in 0..<columnCoverage.count {
                    let c = rowCoverage * columnCoverage[i]
                    if c >= 1, color.alpha == 255 { row[i] = opaque } else if c > 0 { row[i] = blend(row[i], color, coverage: c) }
                }
            }
        }
    }

    // MARK: Output

    /// The canvas as PNG bytes, encoded by libgd/libpng (`compression` is zlib's level 0...9).
    public func pngData(compression: Int = 6) throws(RenderError) -> Data { try image.pngData(compression: compression) }

    // MARK: Compositing

    /// Blends `color` over every pixel the mask touched, weighted by coverage, and resets the mask.
    func composite(_ color: Color) {
        let rows = self.rows
        // Full coverage of an opaque colour over an opaque pixel blends to the colour itself.
        let opaque: Int32? = color.alpha == 255 ? (Int32(color.red) << 16) | (Int32(color.green) << 8) | Int32(color.blue) : nil
        mask.drain { x, y, c in
            let row = rows[y]
            if c == 1, let opaque, row[x] >> 24 == 0 {
                row[x] = opaque
            } else {
                row[x] = blend(row[x], color, coverage: Double(c))
            }
        }
    }

    /// Straight-alpha "over" of `color` at `coverage` onto a libgd truecolor pixel.
    @inline(__always)
    func blend(_ pixel: Int32, _ color: Color, coverage: Double) -> Int32 {
        if pixel >> 24 == 0 {  // opaque destination (the usual case): a plain linear mix
            let a = Float(coverage) * Float(color.alpha) * (1 / 255)
            let r = Float((pixel >> 16) & 0xFF), g = Float((pixel >> 8) & 0xFF), b = Float(pixel & 0xFF)
            let nr = roundedChannel(r + (Float(color.red) - r) * a)
            let ng = roundedChannel(g + (Float(color.green) - g) * a)
            let nb = roundedChannel(b + (Float(color.blue) - b) * a)
            return (nr << 16) | (ng << 8) | nb
        }
        let a = coverage * Double(color.alpha) / 255
        let dstAlpha = 1 - Double((pixel >> 24) & 0x7F) / 127
        let outAlpha = a + dstAlpha * (1 - a)
        guard outAlpha > 0 else { return pixel }
        func channel(_ shift: Int32, _ src: UInt8) -> Int32 {
            let d = Double((pixel >> shift) & 0xFF)
            let v = (Double(src) * a + d * dstAlpha * (1 - a)) / outAlpha
            return Int32(min(255, max(0, v.rounded())))
        }
        let gdAlpha = Int32((127 * (1 - outAlpha)).rounded())
        return (gdAlpha << 24) | (channel(16, color.red) << 16) | (channel(8, color.green) << 8) | channel(0, color.blue)
    }

    /// `v.rounded()` (half away from zero) for `v >= 0`, without a call to `roundf`: adding the
    /// float just below 0.5 and truncating is exact for every float (LLVM's own lowering of round).
    @inline(__always)
    func roundedChannel(_ v: Float) -> Int32 { Int32(v + 0.49999997) }

    /// Cuts a polyline into dash pieces by arc length (`pattern` alternates on and off lengths).
    func dashed(_ points: [Point], pattern: [Double]) -> [[Point]] {
        guard pattern.count >= 2, pattern.allSatisfy({ $0 > 0 }) else { return [points] }
        var pieces: [[Point]] = []
        var current: [Point] = [points[0]]
        var index = 0, remaining = pattern[0], on = true
        for (a, b) in zip(points, points.dropFirst()) {
            var start = a
            var length = a.distance(to: b)
            while length > 0 {
                if length < remaining {
                    remaining -= length
                    if on { current.append(b) }
                    length = 0
                } else {
                    let end = start + (b - start) * (remaining / length)
                    length -= remaining
                    if on {
                        current.append(end)
                        pieces.append(current)
                        current = []
                    } else {
                        current = [end]
                    }
                    start = end
                    on.toggle()
                    index = (index + 1) % pattern.count
                    remaining = pattern[index]
                }
            }
        }
        if on, current.count >= 2 { pieces.append(current) }
        return pieces
    }

    /// Shortens a segment to the part inside `rect` (keeps both ends when it misses it), so that
    /// far-off points do not make huge loops.
    func clampSegment(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point) {
        if rect.contains(a), rect.contains(b) { return (a, b) }
        let clipped = Plotting.clip(polyline: [a, b], to: rect)
        guard let run = clipped.runs.first, run.count >= 2 else { return (a, b) }
        return (run[0], run[run.count - 1])
    }
}

/// Text measures shared by every canvas of the process (measuring runs FreeType's layout).
let textExtents = Mutex<[String: TextExtent]>([:])
