import Foundation
import GDRenderer
import ImageDiff
import Plotting

/// Compares a rendered figure with Tests/ScenesTests/Golden/<name>.png by decoded pixels
/// (pixelmatch, threshold 0.1, at most 0.05 % of pixels), never by bytes. On failure the
/// baseline, the actual image, the diff image and report.json go to a folder named in the error.
/// Re-record with `TRAJVIZ_RECORD_GOLDEN=1 swift test --filter ScenesTests`.
enum SceneGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    static func check(_ figure: Figure, name: String) throws {
        let data = try FigureRenderer.png(figure)
        let file = "\(name).png"
        if ProcessInfo.processInfo.environment["TRAJVIZ_RECORD_GOLDEN"] == "1" {
            try data.write(to: folder.appendingPathComponent(file))
            return
        }
        let actual = ImageSet.images([file: try DecodedPNG(data: data, source: file)])
        let baseline = try ImageSet.folder(folder).restricted(to: [file])
        let report = try checkImages(baseline: baseline, actual: actual, criteria: CheckCriteria(maxDiffPercent: 0.05))
        guard !report.passed else { return }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-scene-golden/\(name)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try data.write(to: out.appendingPathComponent("actual.png"))
        _ = try report.writeReport(to: out)
        throw Mismatch(description: "golden \(name): \(report.summary); baseline, actual and diff are in \(out.path)")
    }
}
