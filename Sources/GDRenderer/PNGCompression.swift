import CPNGWriter

/// How a PNG is compressed for a level 0 (none, fastest) ... 9 (smallest): the zlib level, the
/// zlib strategy and the PNG row filter handed to libpng.
///
/// Chosen by measurement on rendered maps and charts (Tools/rendering/png_settings.c, see
/// Tools/rendering/README.md): a map is mostly runs of identical pixels (flat contour bands,
/// colormap steps), which deflate matches directly; row filters turn those runs into varying
/// differences and make the output both larger and slower. So every level uses no row filter
/// with zlib's default strategy at zlib level `level`: level 1-3 are zlib's fast greedy matcher,
/// 4-9 its lazy matcher (smaller, 2-3x slower). Level 9 additionally encodes with libpng's
/// adaptive per-row filter choice and keeps whichever output is smaller (line charts on white,
/// where filters help, come out about 30 % smaller).
public struct PNGCompression: Hashable, Sendable {
    /// The level every command uses unless told otherwise: 3, whose files are about 9 % larger
    /// than level 6's (and smaller than libgd's level-6 files were) at about half the encoding
    /// time of level 6.
    public static let defaultLevel = 3

    /// The level, 0...9 (values outside are clamped).
    public let level: Int

    public init(level: Int) {
        self.level = min(max(level, 0), 9)
    }

    /// The libpng/zlib settings tried for this level, in order; the smallest output wins.
    var candidates: [CPNGWriterSettings] {
        let unfiltered = CPNGWriterSettings(level: Int32(level), strategy: 0, filters: 0x08, pixelsPerMetreX: 0, pixelsPerMetreY: 0)
        guard level == 9 else { return [unfiltered] }
        var adaptive = unfiltered
        adaptive.filters = 0xF8
        return [unfiltered, adaptive]
    }
}
