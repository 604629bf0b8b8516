import Foundation
import ImageDiff
import SnapshotTesting
import Testing
import TrajVizSnapshotTesting

/// The record modes, as swift-snapshot-testing documents them, through the library's own
/// `verifySnapshot` and through `verifySnapshot(of:as:at:)` for references at exact paths.
@Suite struct RecordModeTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-modes-\(UUID().uuidString)")
    let original: Data
    let reencoded: Data
    let changed: Data

    init() throws {
        let image = RGBAImage(width: 8, height: 6, red: 200, green: 100, blue: 50)
        var other = image
        other[2, 3] = (0, 0, 0, 255)
        original = try image.pngData()
        reencoded = HandEncodedPNG.encode(image)
        changed = try other.pngData()
    }

    private func verify(_ data: Data, _ record: SnapshotTestingConfiguration.Record) -> String? {
        verifySnapshot(of: data, as: .pixelmatch(), named: "image", record: record, snapshotDirectory: folder.path, testName: "verify")
    }

    private var reference: URL { folder.appendingPathComponent("verify.image.png") }

    @Test func theLibrarysRecordModes() throws {
        #expect(verify(original, .never)?.contains("New snapshot was not recorded") == true)
        #expect(!FileManager.default.fileExists(atPath: reference.path))
        #expect(verify(original, .missing)?.contains("Automatically recorded snapshot") == true)
        #expect(try Data(contentsOf: reference) == original)
        #expect(verify(reencoded, .missing) == nil)
        #expect(verify(changed, .never)?.contains("1 of 48 pixels differ") == true)
        #expect(try Data(contentsOf: reference) == original)
        #expect(verify(changed, .failed)?.contains("A new snapshot was automatically recorded") == true)
        #expect(try Data(contentsOf: reference) == changed)
        #expect(verify(original, .all)?.contains("Record mode is on") == true)
        #expect(try Data(contentsOf: reference) == original)
    }

    @Test func aReferenceAtAnExactPath() throws {
        let file = folder.appendingPathComponent("golden/contour-map.png")
        #expect(verifySnapshot(of: original, as: .pixelmatch(), at: file, record: .never)?.contains("not recorded") == true)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(verifySnapshot(of: original, as: .pixelmatch(), at: file, record: .missing)?.contains("Recorded") == true)
        #expect(try Data(contentsOf: file) == original)
        #expect(verifySnapshot(of: reencoded, as: .pixelmatch(), at: file, record: .never) == nil)
        let failure = try #require(verifySnapshot(of: changed, as: .pixelmatch(), at: file, record: .never))
        #expect(failure.contains("1 of 48 pixels differ"))
        let failedSnapshot = try #require(failure.split(separator: "\n").first.flatMap { $0.components(separatedBy: "The failed snapshot: ").last })
        #expect(try Data(contentsOf: URL(fileURLWithPath: failedSnapshot)) == changed)
        // The diff image lies beside the failed snapshot, in the test file's artifacts folder.
        let diff = try #require(failure.split(separator: "\n").first { $0.hasPrefix("Diff image") }?.components(separatedBy: ": ").last)
        #expect(failedSnapshot.hasSuffix("/RecordModeTests/contour-map.png"))
        #expect(URL(fileURLWithPath: diff).deletingLastPathComponent() == URL(fileURLWithPath: failedSnapshot).deletingLastPathComponent())
        #expect(try Data(contentsOf: file) == original)
        #expect(verifySnapshot(of: changed, as: .pixelmatch(), at: file, record: .failed)?.contains("A new reference was recorded") == true)
        #expect(try Data(contentsOf: file) == changed)
        #expect(verifySnapshot(of: original, as: .pixelmatch(), at: file, record: .all)?.contains("Recorded") == true)
        #expect(try Data(contentsOf: file) == original)
    }
}
