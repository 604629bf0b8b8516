import Foundation
import Testing
@testable import ImageDiff

@Suite struct BaselineRecordingTests {
    @Test func neverRecordsNothing() throws {
        let folders = try CheckFolders()
        var (report, baseline) = try folders.check()
        #expect(try report.recordBaselines(mode: .never, in: baseline).isEmpty)
        #expect(!report.passed)
    }

    @Test func missingRecordsOnlyImagesWithoutBaseline() throws {
        let folders = try CheckFolders()
        var (report, baseline) = try folders.check()
        let changes = try report.recordBaselines(mode: .missing, in: baseline)
        #expect(changes == [RecordedBaseline(path: "new.png", file: folders.baseline.appendingPathComponent("new.png"), change: .added)])
        #expect(try Data(contentsOf: folders.baseline.appendingPathComponent("new.png")) == Data(contentsOf: folders.actual.appendingPathComponent("new.png")))
        #expect(report.images.first { $0.path == "new.png" }?.updated == true)
        let (again, _) = try folders.check()
        #expect(again.images.first { $0.path == "new.png" }?.status == .pass)
    }

    @Test func allAlsoReplacesFailuresAndSizeMismatchesButKeepsMissingOnes() throws {
        let folders = try CheckFolders()
        let untouched = try Data(contentsOf: folders.baseline.appendingPathComponent("pass.png"))
        var (report, baseline) = try folders.check()
        let changes = try report.recordBaselines(mode: .all, in: baseline)
        #expect(changes.map(\.path).sorted() == ["new.png", "size.png", "sub/fail.png"])
        #expect(changes.first { $0.path == "size.png" }?.change == .replaced)
        #expect(!report.passed)  // gone.png is still missing
        #expect(try Data(contentsOf: folders.baseline.appendingPathComponent("pass.png")) == untouched)
        let (again, _) = try folders.check()
        #expect(again.images.filter { $0.status != .pass }.map(\.path) == ["gone.png"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folders.baseline.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func recordingIntoAnUnwritableFolderIsAClearError() throws {
        let folders = try CheckFolders()
        var (report, _) = try folders.check()
        let blocked = folders.root.appendingPathComponent("blocked")
        try Data().write(to: blocked)
        #expect(throws: ImageDiffError.self) {
            try report.recordBaselines(mode: .missing, in: ImageSet.folder(blocked.appendingPathComponent("baselines")))
        }
    }
}
