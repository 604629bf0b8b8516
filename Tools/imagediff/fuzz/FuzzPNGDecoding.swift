// libFuzzer entry point for ImageDiff's PNG handling: decoding, the structural check used for
// byte-identical files, and pixelmatch of the decoded image against itself shifted. Build and run
// with Tools/imagediff/fuzz/run.sh.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNGDecoding(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    _ = try? validatedPNGSize(data, source: "fuzz")
    _ = try? RGBAImage(pngData: data, source: "fuzz")
    // Most mutations only break a CRC, which libpng rejects at once; with the CRCs repaired they
    // reach the header checks, inflate and the row filters.
    let repaired = Data(withRepairedCRCs([UInt8](data)))
    guard let image = try? RGBAImage(pngData: repaired, source: "fuzz"), image.width * image.height <= 1 << 20 else { return 0 }
    var shifted = image
    shifted.pixels = Array(image.pixels.dropFirst(4)) + Array(image.pixels.prefix(4))
    _ = try? pixelmatch(baseline: image, actual: shifted)
    _ = try? rootMeanSquareError(baseline: image, actual: shifted)
    return 0
}

/// `bytes` with every complete chunk's CRC recomputed.
func withRepairedCRCs(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    var offset = 8
    while offset + 12 <= bytes.count {
        let length = Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
        let end = offset + 12 + length
        guard end <= bytes.count else { break }
        let crc = crc32(bytes[(offset + 4)..<(end - 4)])
        bytes[end - 4] = UInt8(crc >> 24)
        bytes[end - 3] = UInt8(crc >> 16 & 0xFF)
        bytes[end - 2] = UInt8(crc >> 8 & 0xFF)
        bytes[end - 1] = UInt8(crc & 0xFF)
        offset = end
    }
    return bytes
}
