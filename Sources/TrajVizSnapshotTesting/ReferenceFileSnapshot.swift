import Foundation
// `_record` is the library's resolved record mode (argument, scope, test trait, environment),
// public to its own InlineSnapshotTesting through this SPI.
@_spi(Internals) import SnapshotTesting

/// `verifySnapshot` against a reference at exactly `file`, for references whose names the
/// library's `<test name>.<name>.<extension>` cannot produce (golden images named by what they
/// show). Record modes are the library's: `record`, else the current `withSnapshotTesting` /
/// `.snapshots(record:)` setting, else `SNAPSHOT_TESTING_RECORD`, else `.missing`:
///
/// - `.all` writes the reference and fails, saying so;
/// - `.missing` writes a missing reference and fails, saying so;
/// - `.never` fails on a missing reference without writing it;
/// - `.failed` also writes the new reference over a mismatching one (and fails).
///
/// A mismatching snapshot is written under the reference's file name to the library's artifacts
/// folder (`$SNAPSHOT_ARTIFACTS` or the temporary folder, then the test file's name), beside the
/// strategy's diff image.
///
/// - Returns: nil when the snapshot matches, else the failure message.
public func verifySnapshot<Value>(
    of value: Value, as snapshotting: Snapshotting<Value, Data>, at file: URL, record: SnapshotTestingConfiguration.Record? = nil
) -> String? {
    let record: SnapshotTestingConfiguration.Record = record ?? _record
    var snapshot: Data?
    snapshotting.snapshot(value).run { snapshot = $0 }
    guard let snapshot else { return "the strategy did not produce its snapshot synchronously; use assertSnapshot for it" }
    do {
        let exists = FileManager.default.fileExists(atPath: file.path)
        if record == .all || (!exists && record != .never) {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try snapshotting.diffing.toData(snapshot).write(to: file, options: .atomic)
            return "Recorded the snapshot as \(file.path); re-run without recording to compare with it."
        }
        guard exists else { return "No reference at \(file.path); it was not recorded because the record mode is never." }
        let reference = snapshotting.diffing.fromData(try Data(contentsOf: file))
        guard let (message, _) = snapshotting.diffing.diffV2(reference, snapshot) else { return nil }
        let artifacts = SnapshotDiffArtifacts.folder
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let failed = artifacts.appendingPathComponent(file.lastPathComponent)
        try snapshotting.diffing.toData(snapshot).write(to: failed, options: .atomic)
        var recorded = ""
        if record == .failed {
            try snapshotting.diffing.toData(snapshot).write(to: file, options: .atomic)
            recorded = " A new reference was recorded."
        }
        return "Snapshot does not match \(file.path).\(recorded) The failed snapshot: \(failed.path)\n\(message)"
    } catch {
        return "Snapshot \(file.path): \(error.localizedDescription)"
    }
}
