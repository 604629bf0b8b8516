import CGD
import CPNGWriter
import Foundation
import Plotting

/// A truecolor libgd image that owns its `gdImagePtr` and destroys it on deinit.
public final class GDImage {
    let pointer: gdImagePtr

    /// A transparent-black truecolor image; `nil` when libgd cannot allocate it.
    public init?(width: Int, height: Int) {
        guard width > 0, height > 0, let pointer = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            return nil
        }
        self.pointer = pointer
    }

    /// Takes ownership of an image libgd made.
    init(owning pointer: gdImagePtr) {
        self.pointer = pointer
    }

    /// Decodes a PNG (truecolor or palette) into a truecolor image.
    public convenience init(pngData data: Data) throws(RenderError) {
        guard data.count >= 8, data.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw RenderError("data of \(data.count) bytes is not a PNG (it does not start with the PNG signature)")
        }
        _ = libgdWarningsSilenced
        let decoded = data.withUnsafeBytes { bytes -> gdImagePtr? in
            gdImageCreateFromPngPtr(Int32(bytes.count), UnsafeMutableRawPointer(mutating: bytes.baseAddress!))
        }
        guard let decoded else { throw RenderError("the PNG of \(data.count) bytes is truncated or corrupt and cannot be decoded") }
        if decoded.pointee.trueColor == 0, gdImagePaletteToTrueColor(decoded) == 0 {
            gdImageDestroy(decoded)
            throw RenderError("the PNG could not be converted to truecolor")
        }
        self.init(owning: decoded)
    }

    deinit {
        gdImageDestroy(pointer)
    }

    public var width: Int { Int(pointer.pointee.sx) }
    public var height: Int { Int(pointer.pointee.sy) }

    /// The pixel at `(x, y)` with 8-bit alpha (libgd's 7-bit alpha 0 = opaque is converted).
    public func color(x: Int, y: Int) -> Color {
        Self.color(fromTrueColor: pointer.pointee.tpixels[y]![x])
    }

    /// Every pixel, rows top to bottom.
    public func pixels() -> [Color] {
        var result: [Color] = []
        result.reserveCapacity(width * height)
        for y in 0..<height {
            let row = pointer.pointee.tpixels[y]!
            for x in 0..<width { result.append(Self.color(fromTrueColor: row[x])) }
        }
        return result
    }

    @inline(__always)
    static func color(fromTrueColor v: Int32) -> Color {
        let a = Int((v >> 24) & 0x7F)
        return Color(red: UInt8((v >> 16) & 0xFF), green: UInt8((v >> 8) & 0xFF), blue: UInt8(v & 0xFF), alpha: UInt8(255 - (a * 255 + 63) / 127))
    }

    /// The image as PNG bytes, encoded by libpng with the settings of `PNGCompression(level:
    /// compression)`; 0 is no compression (fastest) ... 9 the smallest. RGB, or RGBA when the
    /// image saves its alpha channel (`gdImageSaveAlpha`); a pHYs chunk carries libgd's
    /// resolution (96 dpi by default). The same pixels give the same bytes.
    public func pngData(compression: Int = PNGCompression.defaultLevel) throws(RenderError) -> Data {
        let image = pointer.pointee
        guard image.trueColor != 0, let truecolorRows = image.tpixels else {
            // A palette image (only animation frames are): libgd's own encoder.
            var size: Int32 = 0
            guard let bytes = gdImagePngPtrEx(pointer, &size, Int32(PNGCompression(level: compression).level)) else {
                throw RenderError("libgd could not encode a \(width)x\(height) palette PNG")
            }
            defer { gdFree(bytes) }
            return Data(bytes: bytes, count: Int(size))
        }
        let keepAlpha: Int32 = image.saveAlphaFlag != 0 ? 1 : 0
        var smallest = Data()
        for var settings in PNGCompression(level: compression).candidates {
            // libgd's resolution is in dots per inch; PNG's pHYs in pixels per metre.
            settings.pixelsPerMetreX = UInt32((Double(image.res_x) / 0.0254).rounded())
            settings.pixelsPerMetreY = UInt32((Double(image.res_y) / 0.0254).rounded())
            var output = CPNGWriterOutput()
            let status = truecolorRows.withMemoryRebound(to: UnsafePointer<Int32>?.self, capacity: height) { rows in
                cpngwriter_encode_truecolor(rows, Int32(width), Int32(height), keepAlpha, settings, &output)
            }
            guard status == 0, let bytes = output.bytes else {
                let message = withUnsafeBytes(of: output.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                throw RenderError("could not encode a \(width)x\(height) PNG: \(message)")
            }
            defer { cpngwriter_free(bytes) }
            if smallest.isEmpty || output.count < smallest.count { smallest = Data(bytes: bytes, count: output.count) }
        }
        return smallest
    }
}

/// A rendering or encoding failure; `description` is a one-line message.
public struct RenderError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// libgd prints "GD Warning" lines on stderr for corrupt input; the thrown `RenderError` already
/// says what went wrong, so the warnings are silenced (once per process).
let libgdWarningsSilenced: Void = gdSetErrorMethod { _, _, _ in }
