import Foundation
import GDRenderer
import ImageDiff
import SnapshotTesting
import Testing
import TrajVizSnapshotTesting

/// A picture as a user's code would render it: a gradient with a disc, 64×48.
func chartPixels(changed: Bool = false) -> RGBAImage {
    var image = RGBAImage(width: 64, height: 48, red: 255, green: 255, blue: 255)
    for y in 0..<48 {
        for x in 0..<64 {
            let inDisc = (x - 32) * (x - 32) + (y - 24) * (y - 24) < 100
            image[x, y] = inDisc ? (200, 60, 40, 255) : (UInt8(x * 3), UInt8(y * 4), 160, 255)
        }
    }
    if changed {
        for y in 10...13 { for x in 50...55 { image[x, y] = (0, 0, 0, 255) } }
    }
    return image
}

@Suite struct ChartSnapshotTests {
    /// The committed reference (__Snapshots__/ChartSnapshotTests/<test>.1.png) was written by
    /// ImageDiff's libgd encoder; this snapshot is the same pixels through libpng at zlib level 9.
    @Test func passesOnAByteDifferentPixelSamePNG() throws {
        let reencoded = try GDImage(pngData: chartPixels().pngData()).pngData(compression: 9)
        #expect(reencoded != (try chartPixels().pngData()))
        assertSnapshot(of: reencoded, as: .pixelmatch())
    }

    @Test func failsOnAChangedImageWithTheDiffWritten() throws {
        let changed = try chartPixels(changed: true).pngData()
        withKnownIssue {
            assertSnapshot(of: changed, as: .pixelmatch())
        } matching: { issue in
            let message = issue.description
            guard message.contains("24 of 3072 pixels differ"), message.contains("within x 50...55, y 10...13 (6×4 px)"),
                let line = message.split(separator: "\n").first(where: { $0.hasPrefix("Diff image") }),
                let path = line.components(separatedBy: ": ").last,
                let diff = try? DecodedPNG(contentsOf: URL(fileURLWithPath: path))
            else { return false }
            return diff.image[52, 11] == (255, 0, 0, 255)
        }
    }

    @Test func recordsAMissingReference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-example-\(UUID().uuidString)")
        let png = try chartPixels().pngData()
        let first = verifySnapshot(of: png, as: .pixelmatch(), named: "chart", record: .missing, snapshotDirectory: folder.path)
        #expect(first?.contains("Automatically recorded snapshot") == true)
        #expect(try Data(contentsOf: folder.appendingPathComponent("recordsAMissingReference.chart.png")) == png)
        #expect(verifySnapshot(of: png, as: .pixelmatch(), named: "chart", record: .missing, snapshotDirectory: folder.path) == nil)
    }
}
