import Foundation
import Testing

/// A gallery stopped by SIGINT or SIGTERM leaves only whole files and a readable cache, and the
/// same command run again finishes the job. Run under `swift test --sanitize=thread`, the gallery's
/// worker threads are checked for races as well (the tool is built with the same sanitizer).
@Suite(.serialized) struct InterruptionTests {
    static let arguments = ["gallery", "--functions", "rosenbrock", "--optimizers", "adam,sgd", "--steps", "60", "--budget", "12", "--jobs", "2"]

    @Test(arguments: [SIGINT, SIGTERM])
    func interruptedGalleryLeavesNoPartialFilesAndARerunFinishes(signal: Int32) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let output = scratch.file("gallery").path
        let interrupted = try BuiltTool.run(Self.arguments + ["--output", output], signal: signal, signalDelay: 1.0)
        expectNoTrap(interrupted)
        #expect(!interrupted.signalled, "the tool died of the signal instead of stopping cleanly\n\(interrupted)")
        #expect(interrupted.status == 130 || interrupted.status == 0, "\(interrupted)")
        #expect(scratch.files().filter { $0.hasSuffix(".tmp") }.isEmpty, "partial files: \(scratch.files())")
        let cache = scratch.file("gallery/lr-cache.json")
        if FileManager.default.fileExists(atPath: cache.path) {
            #expect((try? JSONSerialization.jsonObject(with: Data(contentsOf: cache))) != nil, "the cache is not valid JSON")
        }
        for png in scratch.files() where png.hasSuffix(".png") {
            #expect(throws: Never.self) { _ = try pngSize(scratch.url.appendingPathComponent(png)) }
        }

        let rerun = try BuiltTool.run(Self.arguments + ["--output", output])
        #expect(rerun.status == 0, "\(rerun)")
        expectNoTrap(rerun)
        #expect(!rerun.standardError.contains("warning"), "\(rerun)")
        #expect(scratch.files().filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(FileManager.default.fileExists(atPath: scratch.file("gallery/index.html").path))
        #expect(scratch.files().filter { $0.hasSuffix(".png") }.count >= 2)
    }
}
