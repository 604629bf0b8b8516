import Foundation
import ImageDiff
#if canImport(Testing)
import Testing
#endif

/// Where a failing snapshot's diff image goes: swift-snapshot-testing's artifacts folder, which
/// also receives the failed snapshot itself — `$SNAPSHOT_ARTIFACTS`, or the temporary folder —
/// in the subfolder named after the test file, as the library does (with Swift Testing, where
/// the current test is known; under XCTest the subfolder is `TrajVizSnapshotTesting`).
///
/// The file is `<test name>.<hash>.diff.png`, the hash of both images (FNV-1a, 64 bits), so a
/// rerun of the same failure rewrites one file.
enum SnapshotDiffArtifacts {
    /// Writes `diffPNG` and returns the message line that gives its path (or why it is missing).
    static func write(_ diffPNG: Data, reference: Data, actual: Data) -> String {
        let file = folder.appendingPathComponent("\(testLocation.test).\(hash(reference, actual)).diff.png")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try diffPNG.write(to: file, options: .atomic)
            return "Diff image (red: different, yellow: anti-aliasing): \(file.path)"
        } catch {
            return "The diff image could not be written to \(file.path): \(error.localizedDescription)"
        }
    }

    /// The artifacts folder of the current test.
    static var folder: URL {
        let root = ProcessInfo.processInfo.environment["SNAPSHOT_ARTIFACTS"] ?? NSTemporaryDirectory()
        return URL(fileURLWithPath: root, isDirectory: true).appendingPathComponent(testLocation.folder)
    }

    /// The test file's name without extension and the test's name, as the library names its artifacts.
    private static var testLocation: (folder: String, test: String) {
        #if canImport(Testing)
        if let test = Test.current {
            let file = URL(fileURLWithPath: test.sourceLocation.fileName).deletingPathExtension().lastPathComponent
            return (file, sanitized(test.name))
        }
        #endif
        return ("TrajVizSnapshotTesting", "snapshot")
    }

    /// The library's `sanitizePathComponent`: runs of non-word characters become "-", trimmed.
    private static func sanitized(_ name: String) -> String {
        name.replacingOccurrences(of: "\\W+", with: "-", options: .regularExpression)
            .replacingOccurrences(of: "^-|-$", with: "", options: .regularExpression)
    }

    private static func hash(_ first: Data, _ second: Data) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in first + second {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(value, radix: 16)
    }
}
