import CGD
import Synchronization

/// The pixels one `gdImageStringFT` call writes, recorded so that drawing the same text at the
/// same place again replays them: libgd creates the font size and hints every glyph anew on
/// every call, which makes text the costliest part of a repeated figure (animation frames,
/// benchmark runs, gallery panels of one layout).
///
/// A call is recorded the second time it is seen (the first draws as usual, so one-off text
/// costs nothing extra): the text is drawn on two transparent scratch images, one blending and
/// one not. Where both agree, every pixel was written once (or last by an opaque write), so
/// replaying libgd's own rule — `gdAlphaBlend(pixel, source)`, or `source` over a transparent
/// pixel, within the clip — gives the bytes libgd's call gives. Text whose glyphs overlap, that
/// is rotated other than 0° or 90°, or whose box leaves the canvas is never recorded.
struct TextStamp: Sendable {
    /// Offsets from the text's anchor pixel and the libgd colour written there.
    let dx: [Int32]
    let dy: [Int32]
    let source: [Int32]
}

enum TextStamps {
    enum Entry: Sendable {
        case seenOnce
        case stamp(TextStamp)
        case never
    }

    static let entries = Mutex<[String: Entry]>([:])
    /// At most this many calls are remembered (a stamp holds 12 bytes per written pixel, a few
    /// kilobytes for a label); beyond it the memory starts over.
    static let capacity = 2048

    /// The entry for `key`, noting that it has been seen.
    static func lookup(_ key: String) -> Entry? {
        entries.withLock { entries in
            let found = entries[key]
            if found == nil {
                if entries.count >= capacity { entries.removeAll() }
                entries[key] = .seenOnce
            }
            return found
        }
    }

    static func store(_ entry: Entry, for key: String) {
        entries.withLock { $0[key] = entry }
    }

    /// Draws the text on scratch images around its anchor `(x, y)` and records what it wrote;
    /// `nil` when the text cannot be replayed exactly. `box` is the scratch area relative to the
    /// anchor (generously larger than the text).
    static func record(font: String, points: Double, angle: Double, ink: Int32, text: String, box: (x0: Int, y0: Int, x1: Int, y1: Int)) -> TextStamp? {
        let width = box.x1 - box.x0, height = box.y1 - box.y0
        guard width > 2, height > 2, let blending = GDImage(width: width, height: height), let plain = GDImage(width: width, height: height) else {
            return nil
        }
        let transparent: Int32 = 0x7F00_0000
        for image in [blending, plain] {
            for y in 0..<height { image.pointer.pointee.tpixels[y]!.update(repeating: transparent, count: width) }
        }
        gdImageAlphaBlending(blending.pointer, 1)
        gdImageAlphaBlending(plain.pointer, 0)
        for image in [blending, plain] {
            var corners = [Int32](repeating: 0, count: 8)
            let failed = font.withCString { name in
                text.withCString { s in
                    gdImageStringFT(image.pointer, &corners, ink, UnsafeMutablePointer(mutating: name), points, angle, Int32(-box.x0), Int32(-box.y0), UnsafeMutablePointer(mutating: s)) != nil
                }
            }
            if failed { return nil }
        }
        var dx: [Int32] = [], dy: [Int32] = [], source: [Int32] = []
        for y in 0..<height {
            let a = blending.pointer.pointee.tpixels[y]!, b = plain.pointer.pointee.tpixels[y]!
            for x in 0..<width where a[x] != transparent || b[x] != transparent {
                // Written twice (glyphs overlapping), or reaching the scratch border: not exact.
                guard a[x] == b[x], x > 0, y > 0, x < width - 1, y < height - 1 else { return nil }
                dx.append(Int32(x + box.x0))
                dy.append(Int32(y + box.y0))
                source.append(a[x])
            }
        }
        return TextStamp(dx: dx, dy: dy, source: source)
    }
}
