import Foundation
@testable import ImageDiff

/// Two folders, `baseline/` and `actual/`, with one image of every status:
/// pass.png (identical), palette.png (palette vs truecolor, equal pixels), sub/fail.png (text
/// shifted), size.png (32x32 vs 32x33), gone.png (baseline only), new.png (actual only).
struct CheckFolders {
    let root: URL
    var baseline: URL { root.appendingPathComponent("baseline") }
    var actual: URL { root.appendingPathComponent("actual") }

    init() throws {
        root = try Fixtures.temporaryFolder()
        let copies: [(String, String, String)] = [
            ("baseline", "pass.png", "identical-noise.a.png"), ("actual", "pass.png", "identical-noise.b.png"),
            ("baseline", "palette.png", "palette-vs-truecolor.a.png"), ("actual", "palette.png", "palette-vs-truecolor.b.png"),
            ("baseline", "sub/fail.png", "text-shift.a.png"), ("actual", "sub/fail.png", "text-shift.b.png"),
            ("baseline", "size.png", "size-mismatch.a.png"), ("actual", "size.png", "size-mismatch.b.png"),
            ("baseline", "gone.png", "one-pixel.a.png"), ("actual", "new.png", "one-pixel.b.png"),
        ]
        for (side, path, source) in copies {
            let destination = root.appendingPathComponent(side).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Fixtures.corpus.appendingPathComponent(source), to: destination)
        }
        try Data("not an image".utf8).write(to: actual.appendingPathComponent("notes.txt"))
    }

    func check(_ criteria: CheckCriteria = CheckCriteria()) throws -> (CheckReport, ImageSet) {
        let sets = try ImageSet.pair(baseline: baseline, actual: actual)
        return (checkImages(baseline: sets.baseline, actual: sets.actual, criteria: criteria), sets.baseline)
    }
}
