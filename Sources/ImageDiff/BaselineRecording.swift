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
    /// Nothing the user had is lost: a new baseline is never written over anything already at its
    /// path (a file, a folder, a dangling link), and a baseline that is a symlink is replaced at
    /// the file it links to, so the link stays. Each written file is read back and compared. An
    /// image whose baseline could not be recorded keeps its status and gets the reason in `error`;
    /// the others are still recorded.
    public mutating func recordBaselines(mode: UpdateMode, in baseline: ImageSet) -> [RecordedBaseline] {
        let recorded: Set<CheckStatus> = switch mode {
        case .never: []
        case .missing: [.extra]
        case .all: [.extra, .fail, .sizeMismatch]
        }
        var changes: [RecordedBaseline] = []
        for index in images.indices where recorded.contains(images[index].status) && !images[index].updated {
            let image = images[index]
            guard let data = image.actualPNG, let file = baseline.location(of: image.path) else { continue }
            let change: RecordedBaseline.Change = image.status == .extra ? .added : .replaced
            do throws(ImageDiffError) {
                try record(data, at: file, change: change)
                images[index].updated = true
                changes.append(RecordedBaseline(path: image.path, file: file, change: change))
            } catch {
                images[index].error = error
            }
        }
        return changes
    }
}

/// Writes a baseline (see `recordBaselines`) and reads it back.
private func record(_ data: Data, at file: URL, change: RecordedBaseline.Change) throws(ImageDiffError) {
    let target: URL
    switch change {
    case .added:
        if (try? FileManager.default.attributesOfItem(atPath: file.path)) != nil
            || (try? FileManager.default.destinationOfSymbolicLink(atPath: file.path)) != nil
        {
            throw .occupied(path: file.path)
        }
        target = file
    case .replaced:
        target = file.resolvingSymlinksInPath()
    }
    do {
        try writeAtomically(data, to: target)
    } catch {
        throw .cannotWrite(path: target.path, reason: error.reason)
    }
    guard (try? Data(contentsOf: file)) == data else {
        throw .cannotWrite(path: file.path, reason: "the file does not read back as the image just written")
    }
}
