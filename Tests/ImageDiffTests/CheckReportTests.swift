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
        #expect(fail.mismatchedPixels == 205 && fail.diffImage != nil && fail.baselinePNG != nil)
        #expect(report.images.first { $0.path == "pass.png" }?.diffImage == nil)
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
        let report = try checkImages(baseline: sets.baseline, actual: sets.actual)
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

    @Test func aCorruptImageInAFolderStopsTheCheckNamingIt() throws {
        let folders = try CheckFolders()
        let broken = folders.actual.appendingPathComponent("pass.png")
        try FileManager.default.removeItem(at: broken)
        try FileManager.default.copyItem(at: Fixtures.bad.appendingPathComponent("truncated.png"), to: broken)
        let error = #expect(throws: ImageDiffError.self) { try folders.check() }
        #expect(error?.description.contains(broken.path) == true)
    }

    @Test func inMemoryImagesCanBeCheckedAgainstCommittedFiles() throws {
        let folders = try CheckFolders()
        let rendered = try DecodedPNG(image: try Fixtures.corpusImage("identical-noise.b.png"))
        let report = try checkImages(baseline: ImageSet.folder(folders.baseline), actual: .images(["pass.png": rendered]))
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
        let report = try checkImages(baseline: baseline, actual: .images(["pass.png": rendered]))
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
        #expect(throws: ImageDiffError.self) { try folders.check() }
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
}
