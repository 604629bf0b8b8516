import CGD
import Foundation

extension RGBAImage {
    /// Encodes the image as a truecolor PNG with an alpha channel, through libgd
    /// (`gdImagePngPtr`, buffer released with `gdFree`). libgd stores alpha in 7 bits: alpha 0
    /// and 255 round-trip exactly, other values to within 2.
    public func pngData() throws(ImageDiffError) -> Data {
        guard width > 0, height > 0, let gdImage = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            throw .encodingFailed(what: "a \(sizeDescription) image as PNG with libgd (out of memory?)")
        }
        defer { gdImageDestroy(gdImage) }
        gdImageAlphaBlending(gdImage, 0)
        gdImageSaveAlpha(gdImage, 1)
        pixels.withUnsafeBufferPointer { source in
            for y in 0..<height {
                guard let row = gdImage.pointee.tpixels[y] else { continue }
                for x in 0..<width {
                    let offset = (y * width + x) * 4
                    let gdAlpha = Int32(127 - (source[offset + 3] >> 1))
                    row[x] = gdAlpha << 24 | Int32(source[offset]) << 16 | Int32(source[offset + 1]) << 8 | Int32(source[offset + 2])
                }
            }
        }
        var size: Int32 = 0
        guard let buffer = gdImagePngPtr(gdImage, &size), size > 0 else {
            throw .encodingFailed(what: "a \(sizeDescription) image as PNG with libgd (out of memory?)")
        }
        defer { gdFree(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }
}
