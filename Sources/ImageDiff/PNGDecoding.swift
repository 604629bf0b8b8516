import CGD
import CPNG
import Foundation

/// The eight bytes every PNG file starts with.
let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

extension RGBAImage {
    /// Decodes PNG bytes into 8-bit RGBA with straight alpha.
    ///
    /// Every PNG colour type and bit depth is accepted: palette (with or without tRNS), grey, grey
    /// with alpha, RGB and RGBA, 8 or 16 bits, interlaced or not, so a palette and a truecolor file
    /// with the same pixels decode to equal images. 16-bit samples are scaled to 8 bits as sRGB.
    /// Samples are taken as stored: a `gAMA` chunk is ignored, as pixelmatch, pngjs and Pillow
    /// ignore it. The decoder is libpng's simplified API, which reports errors instead of
    /// `longjmp`-ing through Swift frames; libgd is not used because it keeps only 7 bits of alpha.
    ///
    /// - Parameter source: the file name used in error messages.
    public init(pngData data: Data, source: String) throws(ImageDiffError) {
        guard data.count >= pngSignature.count, data.prefix(pngSignature.count).elementsEqual(pngSignature) else {
            throw .notPNG(path: source)
        }
        guard PNGChunkLayout([UInt8](data)).reachesEnd else {
            throw .corruptPNG(path: source, reason: "truncated: the file ends before its IEND chunk")
        }
        let bytes = removingGammaChunks(from: data)
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        let began = bytes.withUnsafeBytes { buffer in
            png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count)
        }
        guard began != 0 else {
            throw .corruptPNG(path: source, reason: libpngMessage(of: &image))
        }
        let width = Int(image.width)
        let height = Int(image.height)
        guard width * height <= RGBAImage.maximumPixelCount else {
            png_image_free(&image)
            throw .tooLarge(path: source, width: width, height: height)
        }
        image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        image.flags |= png_uint_32(PNG_IMAGE_FLAG_16BIT_sRGB)
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let finished = pixels.withUnsafeMutableBytes { buffer in
            png_image_finish_read(&image, nil, buffer.baseAddress, png_int_32(width * 4), nil)
        }
        guard finished != 0 else {
            throw .corruptPNG(path: source, reason: libpngMessage(of: &image))
        }
        png_image_free(&image)
        self.init(width: width, height: height, pixels: pixels)
    }

    /// Reads and decodes the PNG file at `url`; see `init(pngData:source:)`.
    public init(contentsOfPNG url: URL) throws(ImageDiffError) {
        self = try DecodedPNG(contentsOf: url).image
    }
}

/// libpng's error text from a failed simplified-API call ("IDAT: CRC error", ...).
private func libpngMessage(of image: inout png_image) -> String {
    let message = withUnsafeBytes(of: &image.message) { buffer in
        String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
    }
    png_image_free(&image)
    return message.isEmpty ? "libpng gave no reason" : message
}

/// The layout of a PNG stream's chunks (length, type, data, CRC), walked without decoding.
struct PNGChunkLayout {
    /// The byte ranges of `gAMA` chunks.
    var gammaChunks: [Range<Int>] = []
    /// Whether the stream holds complete chunks up to and including `IEND`.
    var reachesEnd = false
    /// The first chunk whose CRC does not match its type and data (only when CRCs are checked).
    var badCRCChunk: String?

    init(_ bytes: [UInt8], checkingCRCs: Bool = false) {
        var offset = pngSignature.count
        while offset + 12 <= bytes.count {
            let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            let end = offset + 12 + length
            guard end <= bytes.count else { return }
            let type = bytes[(offset + 4)..<(offset + 8)]
            if checkingCRCs, badCRCChunk == nil {
                let stored = UInt32(bytes[end - 4]) << 24 | UInt32(bytes[end - 3]) << 16 | UInt32(bytes[end - 2]) << 8 | UInt32(bytes[end - 1])
                if crc32(bytes[(offset + 4)..<(end - 4)]) != stored { badCRCChunk = String(decoding: type, as: UTF8.self) }
            }
            if type.elementsEqual("gAMA".utf8) { gammaChunks.append(offset..<end) }
            if type.elementsEqual("IEND".utf8) {
                reachesEnd = true
                return
            }
            offset = end
        }
    }
}

/// The PNG chunk CRC-32 of `bytes`, computed by zlib.
func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    bytes.withUnsafeBufferPointer { buffer in
        UInt32(CGD.crc32(0, buffer.baseAddress, uInt(buffer.count)))
    }
}

/// The size of the PNG in `data` after a structural check that does not inflate the pixels: the
/// signature, every chunk complete up to `IEND` with a matching CRC, and a header libpng accepts.
/// Two byte-identical files have identical pixels, so this is all a comparison of them needs.
func validatedPNGSize(_ data: Data, source: String) throws(ImageDiffError) -> (width: Int, height: Int) {
    guard data.count >= pngSignature.count, data.prefix(pngSignature.count).elementsEqual(pngSignature) else {
        throw .notPNG(path: source)
    }
    let layout = PNGChunkLayout([UInt8](data), checkingCRCs: true)
    guard layout.reachesEnd else { throw .corruptPNG(path: source, reason: "truncated: the file ends before its IEND chunk") }
    if let chunk = layout.badCRCChunk { throw .corruptPNG(path: source, reason: "\(chunk): CRC error") }
    var image = png_image()
    image.version = png_uint_32(PNG_IMAGE_VERSION)
    let began = data.withUnsafeBytes { buffer in
        png_image_begin_read_from_memory(&image, buffer.baseAddress, buffer.count)
    }
    guard began != 0 else { throw .corruptPNG(path: source, reason: libpngMessage(of: &image)) }
    png_image_free(&image)
    return (Int(image.width), Int(image.height))
}

/// The PNG stream without its `gAMA` chunks, so that libpng's simplified API reads the samples as
/// stored instead of converting them to sRGB. Chunks are self-contained, so dropping one leaves a
/// valid stream.
func removingGammaChunks(from data: Data) -> Data {
    let bytes = [UInt8](data)
    let layout = PNGChunkLayout(bytes)
    guard !layout.gammaChunks.isEmpty else { return data }
    var kept = bytes
    for chunk in layout.gammaChunks.reversed() { kept.removeSubrange(chunk) }
    return Data(kept)
}

/// A decoded PNG together with the bytes it came from, so that reports can embed the original
/// file and baselines can be recorded byte for byte.
public struct DecodedPNG: Sendable {
    /// The file's bytes, as read or as produced by an encoder.
    public let data: Data
    /// The decoded pixels.
    public let image: RGBAImage

    /// Decodes `data`; `source` names the image in error messages.
    public init(data: Data, source: String) throws(ImageDiffError) {
        self.data = data
        self.image = try RGBAImage(pngData: data, source: source)
    }

    /// Reads and decodes the file at `url`.
    public init(contentsOf url: URL) throws(ImageDiffError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: readFailureReason(url))
        }
        try self.init(data: data, source: url.path)
    }

    /// Wraps pixels that were rendered in memory, encoding them through libgd for reports and
    /// baselines (alpha is stored with libgd's 7 bits; opaque and fully transparent pixels are exact).
    public init(image: RGBAImage) throws(ImageDiffError) {
        self.data = try image.pngData()
        self.image = image
    }
}

/// Why `url` could not be read, in a few words.
func readFailureReason(_ url: URL) -> String {
    var isFolder: ObjCBool = false
    if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
            return "it is a symlink to \(target), which does not exist; fix or remove the link"
        }
        return "no such file"
    }
    if isFolder.boolValue { return "it is a folder, not a file" }
    if !FileManager.default.isReadableFile(atPath: url.path) { return "permission denied" }
    return "read error"
}
