import Foundation
import GDRenderer
import Plotting
import SnapshotTesting
import TrajVizSnapshotTesting

/// Compares a rendered figure with Tests/ScenesTests/Golden/<name>.png by decoded pixels
/// (TrajVizSnapshotTesting's `.pixelmatch`, threshold 0.1, at most 0.05 % of pixels), never by
/// bytes, keeping the goldens' own names (`verifySnapshot(of:as:at:)`). On failure the message
/// gives the count, the bounding box, and the paths of the diff image and the failed image.
/// Re-record with `TRAJVIZ_RECORD_GOLDEN=1 swift test --filter ScenesTests`.
enum SceneGolden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    static func check(_ figure: Figure, name: String) throws {
        let data = try FigureRenderer.png(figure)
        let recording = ProcessInfo.processInfo.environment["TRAJVIZ_RECORD_GOLDEN"] == "1"
        let file = folder.appendingPathComponent("\(name).png")
        let message = verifySnapshot(of: data, as: .pixelmatch(maxDiffPercent: 0.05), at: file, record: recording ? .all : .never)
        if let message, !recording { throw Mismatch(description: "golden \(name): \(message)") }
    }
}
