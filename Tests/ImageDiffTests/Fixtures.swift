import Foundation
import ImageDiff

/// Test fixtures shipped with the test bundle, and small helpers shared by the tests.
enum Fixtures {
    static let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let corpus = root.appendingPathComponent("corpus")
    static let bad = root.appendingPathComponent("bad")

    static func corpusImage(_ name: String) throws -> RGBAImage {
        try RGBAImage(contentsOfPNG: corpus.appendingPathComponent(name))
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("imagediff-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// FNV-1a 64 of `bytes` as 16 hex digits, the hash make_corpus.py records.
func fnv1a64(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01B3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

/// Writes `data` to `url`, creating its folder.
func writeFile(_ data: Data, _ url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
}
