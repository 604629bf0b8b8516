import Foundation
import Testing
@testable import ImageDiff

@Suite struct BaselineRecordingTests {
    @Test func neverRecordsNothing() throws {
        let folders = try CheckFolders()
        var (report, baseline) = try folders.check()
        #expect(report.recordBaselines(mode: .never, in: baseline).isEmpty)
        #expect(!report.passed)
    }

    @Test func missingRecordsOnlyImagesWithoutBaseline() throws {
        let folders = try CheckFolders()
        var (report, baseline) = try folders.check()
        let changes = report.recordBaselines(mode: .missing, in: baseline)
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
        let changes = report.recordBaselines(mode: .all, in: baseline)
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
        let changes = report.recordBaselines(mode: .missing, in: try ImageSet.folder(blocked.appendingPathComponent("baselines")))
        #expect(changes.isEmpty)
        let new = try #require(report.images.first { $0.path == "new.png" })
        #expect(!new.updated && !new.isOK)
        guard case let .cannotWrite(path, _)? = new.error else {
            Issue.record("expected cannotWrite, got \(String(describing: new.error))")
            return
        }
        #expect(path.hasPrefix(blocked.path))
    }

    @Test func aSymlinkedBaselineIsReplacedAtItsTargetAndStaysALink() throws {
        let folders = try CheckFolders()
        let store = folders.root.appendingPathComponent("store/fail.png")
        let link = folders.baseline.appendingPathComponent("sub/fail.png")
        try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: link, to: store)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: store)
        var (report, baseline) = try folders.check()
        #expect(report.images.first { $0.path == "sub/fail.png" }?.status == .fail)
        #expect(report.recordBaselines(mode: .missing, in: baseline).map(\.path) == ["new.png"])
        #expect(try Data(contentsOf: store) != Data(contentsOf: folders.actual.appendingPathComponent("sub/fail.png")))
        _ = report.recordBaselines(mode: .all, in: baseline)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == store.path)
        #expect(try Data(contentsOf: store) == Data(contentsOf: folders.actual.appendingPathComponent("sub/fail.png")))
        #expect(report.errors.isEmpty)
    }

    @Test(arguments: ["file", "folder", "dangling link"])
    func aNewBaselineIsNeverWrittenOverWhatIsAlreadyThere(_ kind: String) throws {
        let folders = try CheckFolders()
        let path = folders.baseline.appendingPathComponent("new.png")
        switch kind {
        case "file": try Data("keep me".utf8).write(to: path)
        case "folder": try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        default: try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: "elsewhere.png")
        }
        // A listing that does not know the entry (restricted, as a scene list restricts it).
        let baseline = try ImageSet.folder(folders.baseline).restricted(to: ["pass.png"])
        let actual = try ImageSet.folder(folders.actual).restricted(to: ["pass.png", "new.png"])
        var report = checkImages(baseline: baseline, actual: actual)
        #expect(report.images.first { $0.path == "new.png" }?.status == .extra)
        #expect(report.recordBaselines(mode: .missing, in: baseline).isEmpty)
        #expect(report.errors == [.occupied(path: path.path)])
        switch kind {
        case "file": #expect(try Data(contentsOf: path) == Data("keep me".utf8))
        case "folder": #expect(try FileManager.default.contentsOfDirectory(atPath: path.path).isEmpty)
        default: #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path.path) == "elsewhere.png")
        }
    }
}
