import Foundation
import _AtomicWrite

/// Which actual images become baselines (record modes, as snapshot testers have).
public enum UpdateMode: String, Sendable, CaseIterable {
    /// Record nothing; what CI uses.
    case never
    /// Record actual images that have no baseline yet (`extra`).
    case missing
    /// Also replace baselines that failed or changed size. Passing baselines are left as they are,
    /// so that equal-looking images do not churn version control.
    case all
}

/// A baseline written by `recordBaselines`.
public struct RecordedBaseline: Sendable, Equatable {
    public enum Change: String, Sendable { case added, replaced }
    public let path: String
    public let file: URL
    public let change: Change
}

extension CheckReport {
    /// Writes the actual images chosen by `mode` over their baselines in `baseline`, byte for
    /// byte and atomically (a reader sees the old file or the new one, never a partial one), marks
    /// them `updated`, and returns what changed. Missing actual images leave their baselines alone.
    ///
    /// - Throws: `ImageDiffError.cannotWrite` naming the first file that could not be written;
    ///   files written before it stay written and marked.
    public mutating func recordBaselines(mode: UpdateMode, in baseline: ImageSet) throws(ImageDiffError) -> [RecordedBaseline] {
        let recorded: Set<CheckStatus> = switch mode {
        case .never: []
        case .missing: [.extra]
        case .all: [.extra, .fail, .sizeMismatch]
        }
        var changes: [RecordedBaseline] = []
        for index in images.indices where recorded.contains(images[index].status) {
            let image = images[index]
            guard let data = image.actualPNG, let file = baseline.location(of: image.path) else { continue }
            do {
                try writeAtomically(data, to: file)
            } catch {
                throw .cannotWrite(path: file.path, reason: error.reason)
            }
            images[index].updated = true
            changes.append(RecordedBaseline(path: image.path, file: file, change: image.status == .extra ? .added : .replaced))
        }
        return changes
    }
}
