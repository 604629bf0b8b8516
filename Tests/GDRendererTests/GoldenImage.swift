import Foundation
import Plotting
@testable import GDRenderer

/// Golden-image comparison by decoded pixels, never bytes.
///
/// A pixel differs when any channel differs by more than `threshold` (0...255); the comparison
/// passes when at most `maxDifferingPixels` differ. On failure, expected.png, actual.png and
/// diff.png (differing pixels red over a faded copy of the expected image) are written to a
/// folder named in the failure message. Re-record every golden with
/// `TRAJVIZ_RECORD_GOLDEN=1 swift test --filter GDRendererTests`.
enum GoldenImage {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["TRAJVIZ_RECORD_GOLDEN"] == "1" }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// The number of pixels whose largest channel difference exceeds `threshold`.
    static func differingPixels(_ a: [Color], _ b: [Color], threshold: Int) -> Int {
        zip(a, b).reduce(0) { count, pair in
            let (p, q) = pair
            let d = max(abs(Int(p.red) - Int(q.red)), abs(Int(p.green) - Int(q.green)), abs(Int(p.blue) - Int(q.blue)), abs(Int(p.alpha) - Int(q.alpha)))
            return count + (d > threshold ? 1 : 0)
        }
    }

    /// Compares the rendering of `figure` with Golden/`name`.png.
    static func check(_ figure: Figure, name: String, threshold: Int = 24, maxDifferingPixels: Int = 50) throws {
        let data = try FigureRenderer.png(figure)
        let url = folder.appendingPathComponent("\(name).png")
        if recording {
            try data.write(to: url)
            return
        }
        guard let expectedData = try? Data(contentsOf: url) else {
            throw Mismatch(description: "no golden image \(url.path): record it with TRAJVIZ_RECORD_GOLDEN=1 swift test --filter GDRendererTests")
        }
        let expected = try GDImage(pngData: expectedData), actual = try GDImage(pngData: data)
        var message: String?
        if expected.width != actual.width || expected.height != actual.height {
            message = "size \(actual.width)x\(actual.height) differs from the golden \(expected.width)x\(expected.height)"
        } else {
            let e = expected.pixels(), a = actual.pixels()
            let count = differingPixels(e, a, threshold: threshold)
            if count > maxDifferingPixels {
                message = "\(count) pixels differ by more than \(threshold) (at most \(maxDifferingPixels) allowed)"
                let out = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-golden-failures/\(name)")
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                try expectedData.write(to: out.appendingPathComponent("expected.png"))
                try data.write(to: out.appendingPathComponent("actual.png"))
                let diff = try GDCanvas(width: expected.width, height: expected.height)
                let faded = zip(e, a).map { p, q -> Color in
                    let d = max(abs(Int(p.red) - Int(q.red)), abs(Int(p.green) - Int(q.green)), abs(Int(p.blue) - Int(q.blue)))
                    return d > threshold ? Color(hex: 0xFF0000) : Color.white.mixed(with: Color(red: p.red, green: p.green, blue: p.blue), 0.15)
                }
                diff.draw(raster: Raster(width: expected.width, height: expected.height, pixels: faded), in: Rect(x: 0, y: 0, width: Double(expected.width), height: Double(expected.height)))
                try diff.pngData().write(to: out.appendingPathComponent("diff.png"))
                message! += "; expected, actual and diff images are in \(out.path)"
            }
        }
        if let message { throw Mismatch(description: "golden \(name): \(message)") }
    }
}
