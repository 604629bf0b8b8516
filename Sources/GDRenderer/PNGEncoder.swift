import CGD
import Foundation

/// A fast PNG writer for opaque truecolor canvases: 8-bit RGB, each row filtered with Sub or Up
/// (whichever leaves the smaller sum of residuals), deflated by zlib with the run-length
/// strategy. Rendered figures are mostly flat colour, where this is several times faster than
/// libpng's all-filter heuristic with default deflate, for files about as small. Decodes with
/// any PNG reader (libgd included).
enum PNGEncoder {
    /// Encodes `image` (alpha is dropped; figures are opaque). `level` is zlib's 1...9.
    static func encode(_ image: GDImage, level: Int) throws(RenderError) -> Data {
        let width = image.width, height = image.height
        let rowBytes = width * 3, stride = rowBytes + 1
        var raw = [UInt8](repeating: 0, count: stride * height)
        var rows = [UInt8](repeating: 0, count: rowBytes * 2)  // previous and current row, unfiltered
        raw.withUnsafeMutableBufferPointer { out in
            rows.withUnsafeMutableBufferPointer { rowPair in
                        var previous = rowPair.baseAddress!, current = rowPair.baseAddress! + rowBytes
                        for y in 0..<height {
                            let row = image.pointer.pointee.tpixels[y]!
                            for x in 0..<width {
                                let p = row[x]
                                current[3 * x] = UInt8(truncatingIfNeeded: p >> 16)
                                current[3 * x + 1] = UInt8(truncatingIfNeeded: p >> 8)
                                current[3 * x + 2] = UInt8(truncatingIfNeeded: p)
                            }
                            // Sub or Up, whichever leaves the smaller sum of residuals.
                            var subCost = 0, upCost = 0
                            for i in 0..<rowBytes {
                                let s = current[i] &- (i >= 3 ? current[i - 3] : 0)
                                let u = current[i] &- previous[i]
                                subCost &+= Int(Int8(bitPattern: s).magnitude)
                                upCost &+= Int(Int8(bitPattern: u).magnitude)
                            }
                            let target = out.baseAddress! + y * stride + 1
                            if y > 0, upCost < subCost {
                                out[y * stride] = 2
                                for i in 0..<rowBytes { target[i] = current[i] &- previous[i] }
                            } else {
                                out[y * stride] = 1
                                for i in 0..<min(3, rowBytes) { target[i] = current[i] }
                                for i in 3..<max(3, rowBytes) { target[i] = current[i] &- current[i - 3] }
                            }
                            swap(&previous, &current)
                        }
            }
        }
        let compressed = try deflate(raw, level: level)
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8-bit, truecolor RGB, deflate, adaptive filters, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", compressed)
        png.appendChunk("IEND", Data())
        return png
    }

    static func deflate(_ input: [UInt8], level: Int) throws(RenderError) -> Data {
        var stream = z_stream()
        guard deflateInit2_(&stream, Int32(min(max(level, 1), 9)), Z_DEFLATED, 15, 8, Z_RLE, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw RenderError("zlib could not start compressing the PNG")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress!)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress!
                stream.avail_out = uInt(target.count)
                return CGD.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw RenderError("zlib could not compress the PNG (status \(status))") }
        return Data(output.prefix(Int(stream.total_out)))
    }
}

extension Data {
    mutating func appendBigEndian(_ v: UInt32) {
        append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
    }

    /// Appends a PNG chunk: length, type, data, CRC-32 of type and data.
    mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        var typed = Data(type.utf8)
        typed.append(body)
        append(typed)
        let crc = typed.withUnsafeBytes { bytes in crc32(0, bytes.bindMemory(to: Bytef.self).baseAddress, uInt(bytes.count)) }
        appendBigEndian(UInt32(truncatingIfNeeded: crc))
    }
}
