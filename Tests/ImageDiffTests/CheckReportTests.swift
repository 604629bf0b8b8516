import Foundation
import Testing
@testable import ImageDiff

@Suite struct CheckReportTests {
    @Test func foldersAreMatchedByRelativePathWithEveryStatus() throws {
        let (report, _) = try CheckFolders().check()
        let statuses = Dictionary(uniqueKeysWithValues: report.images.map { ($0.path, $0.status) })
        #expect(statuses == [
            "pass.png": .pass, "palette.png": .pass, "sub/fail.png": .fail, "size.png": .sizeMismatch,
            "gone.png": .missing, "new.png": .extra,
        ])
        #expect(!report.passed)
        #expect(report.summary == "6 images: 2 passed, 1 failed, 1 size mismatch, 1 missing, 1 without baseline")
        let size = try #require(report.images.first { $0.path == "size.png" })
        #expect(size.message == "baseline 32x32, actual 32x33")
        let fail = try #require(report.images.first { $0.path == "sub/fail.png" })
        #expect(fail.mismatchedPixels == 205 && fail.diffPNG != nil && fail.baselinePNG != nil)
        #expect(report.images.first { $0.path == "pass.png" }?.diffPNG == nil)
        #expect(fail.mismatchBounds.map { $0.width > 0 && $0.height > 0 } == true)
    }

    @Test func looserCriteriaLetTheShiftedTextPass() throws {
        let (strict, _) = try CheckFolders().check(CheckCriteria(maxDiffPercent: 5))
        #expect(strict.images.first { $0.path == "sub/fail.png" }?.status == .fail)  // 6.67 %
        let (loose, _) = try CheckFolders().check(CheckCriteria(maxDiffPercent: 7))
        #expect(loose.images.first { $0.path == "sub/fail.png" }?.status == .pass)
        let (rms, _) = try CheckFolders().check(CheckCriteria(metric: .rms, rmsTolerance: 60))
        #expect(rms.images.first { $0.path == "sub/fail.png" }?.status == .pass)  // RMS 51.6
    }

    @Test func twoFilesAreComparedUnderTheBaselinesName() throws {
        let folders = try CheckFolders()
        let sets = try ImageSet.pair(
            baseline: folders.baseline.appendingPathComponent("sub/fail.png"), actual: folders.actual.appendingPathComponent("sub/fail.png"))
        let report = checkImages(baseline: sets.baseline, actual: sets.actual)
        #expect(report.images.map(\.path) == ["fail.png"])
        #expect(report.images.first?.status == .fail)
    }

    @Test func aFileAgainstAFolderIsAnError() throws {
        let folders = try CheckFolders()
        let file = folders.baseline.appendingPathComponent("pass.png")
        #expect(throws: ImageDiffError.kindMismatch(baseline: file.path, actual: folders.actual.path)) {
            try ImageSet.pair(baseline: file, actual: folders.actual)
        }
        let nowhere = folders.root.appendingPathComponent("nowhere")
        #expect(throws: ImageDiffError.self) { try ImageSet.pair(baseline: nowhere, actual: nowhere) }
    }

    @Test(arguments: ["truncated.png", "not-a-png.png", "bad-crc.png"])
    func aDamagedImageInAFolderIsReportedAndTheRestCompared(_ name: String) throws {
        let folders = try CheckFolders()
        let broken = folders.actual.appendingPathComponent("pass.png")
        try FileManager.default.removeItem(at: broken)
        try FileManager.default.copyItem(at: Fixtures.bad.appendingPathComponent(name), to: broken)
        let (report, _) = try folders.check()
        let statuses = Dictionary(uniqueKeysWithValues: report.images.map { ($0.path, $0.status) })
        #expect(statuses == [
            "pass.png": .error, "palette.png": .pass, "sub/fail.png": .fail, "size.png": .sizeMismatch,
            "gone.png": .missing, "new.png": .extra,
        ])
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.description.contains(broken.path) == true)
        #expect(report.summary.hasSuffix("1 unreadable"))
    }

    @Test func foldersAreComparedInParallelInPathOrder() throws {
        let root = try Fixtures.temporaryFolder()
        let names = (0..<40).map { String(format: "image-%02d.png", $0) }
        for (index, name) in names.enumerated() {
            let baseline = RGBAImage(width: 20, height: 20, red: UInt8(index), green: 0, blue: 0)
            var actual = baseline
            for x in 0..<(index % 5) { actual[x, 0] = (255, 255, 255, 255) }
            try writeFile(baseline.pngData(), root.appendingPathComponent("baseline/\(name)"))
            try writeFile(actual.pngData(), root.appendingPathComponent("actual/\(name)"))
        }
        let sets = try ImageSet.pair(baseline: root.appendingPathComponent("baseline"), actual: root.appendingPathComponent("actual"))
        let report = checkImages(baseline: sets.baseline, actual: sets.actual)
        #expect(report.images.map(\.path) == names)
        #expect(report.images.map { $0.mismatchedPixels ?? -1 } == (0..<40).map { $0 % 5 })
    }

    @Test func inMemoryImagesCanBeCheckedAgainstCommittedFiles() throws {
        let folders = try CheckFolders()
        let rendered = try DecodedPNG(image: try Fixtures.corpusImage("identical-noise.b.png"))
        let report = checkImages(baseline: try ImageSet.folder(folders.baseline), actual: .images(["pass.png": rendered]))
        #expect(report.images.first { $0.path == "pass.png" }?.status == .pass)
        #expect(report.count(.missing) == 4)
    }
}

@Suite struct ImageSetTests {
    @Test func aSetCanBeRestrictedToSomePaths() throws {
        let folders = try CheckFolders()
        let baseline = try ImageSet.folder(folders.baseline).restricted(to: ["pass.png", "not-there.png"])
        #expect(baseline.paths == ["pass.png"])
        let rendered = try DecodedPNG(image: try Fixtures.corpusImage("identical-noise.b.png"))
        let report = checkImages(baseline: baseline, actual: .images(["pass.png": rendered]))
        #expect(report.passed && report.images.count == 1)
    }

    @Test(arguments: ["bad-crc.png", "truncated.png", "not-a-png.png"])
    func identicalDamagedFilesAreStillAnError(_ name: String) throws {
        let folders = try CheckFolders()
        for side in [folders.baseline, folders.actual] {
            let file = side.appendingPathComponent("pass.png")
            try FileManager.default.removeItem(at: file)
            try FileManager.default.copyItem(at: Fixtures.bad.appendingPathComponent(name), to: file)
        }
        let (report, _) = try folders.check()
        #expect(report.images.first { $0.path == "pass.png" }?.status == .error)
    }

    @Test func identicalFilesPassWithTheirSize() throws {
        let (report, _) = try CheckFolders().check()
        let identical = try #require(report.images.first { $0.path == "pass.png" })
        #expect(identical.status == .pass && identical.mismatchedPixels == 0 && identical.rms == 0)
        #expect(identical.baselineSize?.width == 64 && identical.actualSize?.height == 64)
    }

    @Test func foldersListOnlyPNGsAndSkipHiddenFiles() throws {
        let folders = try CheckFolders()
        try Data().write(to: folders.actual.appendingPathComponent(".hidden.png"))
        let actual = try ImageSet.folder(folders.actual)
        #expect(actual.paths == ["new.png", "palette.png", "pass.png", "size.png", "sub/fail.png"])
    }

    @Test func symlinkedImagesAndFoldersAreImages() throws {
        let folders = try CheckFolders()
        let store = folders.root.appendingPathComponent("store")
        for (side, path) in [(folders.actual, "pass.png"), (folders.baseline, "palette.png")] {
            let target = store.appendingPathComponent("\(side.lastPathComponent)-\(path)")
            try writeFile(try Data(contentsOf: side.appendingPathComponent(path)), target)
            try FileManager.default.removeItem(at: side.appendingPathComponent(path))
            try FileManager.default.createSymbolicLink(at: side.appendingPathComponent(path), withDestinationURL: target)
        }
        // A linked folder, and a link back up that would loop.
        try FileManager.default.moveItem(at: folders.baseline.appendingPathComponent("sub"), to: store.appendingPathComponent("sub"))
        try FileManager.default.createSymbolicLink(
            at: folders.baseline.appendingPathComponent("sub"), withDestinationURL: store.appendingPathComponent("sub"))
        try FileManager.default.createSymbolicLink(
            at: store.appendingPathComponent("sub/up"), withDestinationURL: folders.baseline)
        let (report, _) = try folders.check()
        let statuses = Dictionary(uniqueKeysWithValues: report.images.map { ($0.path, $0.status) })
        #expect(statuses == [
            "pass.png": .pass, "palette.png": .pass, "sub/fail.png": .fail, "size.png": .sizeMismatch,
            "gone.png": .missing, "new.png": .extra,
        ])
    }

    @Test func aDanglingLinkIsReportedNotMissing() throws {
        let folders = try CheckFolders()
        let link = folders.actual.appendingPathComponent("gone.png")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "nowhere.png")
        let (report, _) = try folders.check()
        let gone = try #require(report.images.first { $0.path == "gone.png" })
        #expect(gone.status == .error)
        #expect(gone.message.contains("symlink to nowhere.png, which does not exist"))
    }

    @Test func reportFoldersAndExcludedFoldersAreNotImages() throws {
        let folders = try CheckFolders()
        let (report, _) = try folders.check()
        // A report written inside the baseline folder: its diffs are never baselines.
        try report.writeReport(to: folders.baseline.appendingPathComponent("report"))
        try report.writeReport(ReportDestinations(diffFolder: folders.baseline.appendingPathComponent("only-diffs")))
        #expect(FileManager.default.fileExists(atPath: folders.baseline.appendingPathComponent("report/diffs/sub/fail.png").path))
        let (again, _) = try folders.check()
        #expect(again.images.map(\.path) == report.images.map(\.path))
        let nested = try ImageSet.folder(folders.root, excluding: [folders.actual])
        #expect(nested.paths.allSatisfy { $0.hasPrefix("baseline/") })
        #expect(nested.paths.contains("baseline/sub/fail.png"))
    }
}
