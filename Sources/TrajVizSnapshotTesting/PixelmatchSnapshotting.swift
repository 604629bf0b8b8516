import Foundation
import ImageDiff
import SnapshotTesting

extension Snapshotting where Value == Data, Format == Data {
    /// PNG bytes compared by decoded pixels with pixelmatch, so that a re-encode (another zlib
    /// level, another filter, another encoder) of the same pixels passes.
    ///
    /// A pixel mismatches when its YIQ colour delta exceeds `35215 * threshold²` and it does not
    /// look like anti-aliasing; the snapshot passes when at most `maxDiffPercent` percent of the
    /// pixels mismatch. On failure the message gives the count, the bounding box and the path of
    /// pixelmatch's diff image (see `SnapshotDiffArtifacts`). References are stored as `.png`.
    ///
    /// - Parameters:
    ///   - maxDiffPercent: the largest share of mismatched pixels that passes, 0...100. Default 0.
    ///   - threshold: pixelmatch's per-pixel threshold, 0...1; smaller is stricter. Default 0.1.
    public static func pixelmatch(maxDiffPercent: Double = 0, threshold: Double = 0.1) -> Snapshotting {
        png(CheckCriteria(pixelmatch: PixelmatchOptions(threshold: threshold), maxDiffPercent: maxDiffPercent))
    }

    /// PNG bytes compared by matplotlib's RMS difference over the decoded pixels, as pytest-mpl's
    /// `tolerance`: the snapshot passes when `sqrt(mean((reference - actual)²)) <= tolerance`
    /// (0...255, over R, G, B, and A when either image is translucent). Default tolerance 2,
    /// pytest-mpl's default.
    public static func rms(tolerance: Double = 2) -> Snapshotting {
        png(CheckCriteria(metric: .rms, rmsTolerance: tolerance))
    }

    /// PNG bytes judged by `criteria` (`ImageDiff`'s pass rule; both metrics are measured and reported).
    public static func png(_ criteria: CheckCriteria) -> Snapshotting {
        Snapshotting(pathExtension: "png", diffing: .png(criteria))
    }
}

extension Diffing where Value == Data {
    /// Compares PNG bytes by pixels under `criteria` (`PNGDifference`); identical bytes pass at once.
    public static func png(_ criteria: CheckCriteria) -> Diffing {
        .diff(toData: { $0 }, fromData: { $0 }) { reference, actual in
            guard reference != actual, let difference = PNGDifference(reference: reference, actual: actual, criteria: criteria) else {
                return nil
            }
            var message = difference.message
            if let diffPNG = difference.diffPNG {
                message += "\n" + SnapshotDiffArtifacts.write(diffPNG, reference: reference, actual: actual)
            }
            return (message, difference.diffPNG.map { [.data($0, name: "difference.png")] } ?? [])
        }
    }
}
