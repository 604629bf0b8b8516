import Foundation
import Plotting
import SnapshotTesting
import TrajVizSnapshotTesting
@testable import GDRenderer

/// Golden-image comparison by decoded pixels, never bytes, through TrajVizSnapshotTesting's
/// `.pixelmatch` strategy (threshold 0.1, at most 0.01 % of the pixels), against
/// Golden/<name>.png. The goldens keep their own names, which swift-snapshot-testing's
/// `<test>.<name>.png` cannot produce, so they are verified with `verifySnapshot(of:as:at:)`.
/// On failure the message gives the count, the bounding box, and the paths of the diff image and
/// the failed image. Re-record every golden with
/// `TRAJVIZ_RECORD_GOLDEN=1 swift test --filter GDRendererTests`.
enum GoldenImage {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["TRAJVIZ_RECORD_GOLDEN"] == "1" }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// Compares the rendering of `figure` with Golden/`name`.png (or records it).
    static func check(_ figure: Figure, name: String) throws {
        let data = try FigureRenderer.png(figure)
        let file = folder.appendingPathComponent("\(name).png")
        let message = verifySnapshot(of: data, as: .pixelmatch(maxDiffPercent: 0.01), at: file, record: recording ? .all : .never)
        if let message, !recording { throw Mismatch(description: "golden \(name): \(message)") }
    }
}
