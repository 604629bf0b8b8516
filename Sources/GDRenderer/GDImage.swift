import CGD
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

    /// The image as PNG bytes; `compression` is zlib's level 0 (none, fastest) ... 9 (smallest).
    public func pngData(compression: Int = 6) throws(RenderError) -> Data {
        var size: Int32 = 0
        guard let bytes = gdImagePngPtrEx(pointer, &size, Int32(min(max(compression, 0), 9))) else {
            throw RenderError("libgd could not encode a \(width)x\(height) PNG")
        }
        defer { gdFree(bytes) }
        return Data(bytes: bytes, count: Int(size))
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
