import Foundation
import Testing

/// The built `trajviz` executable, run as a user runs it, with its status and both streams.
struct BuiltTool {
    /// What one run of the tool did.
    struct Outcome: CustomStringConvertible {
        var status: Int32
        var signalled: Bool
        var standardOutput: String
        var standardError: String

        var description: String { "exit \(status)\(signalled ? " (signal)" : "")\nstdout: \(standardOutput)\nstderr: \(standardError)" }

        /// stderr lines that are not empty.
        var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
    }

    /// `trajviz` sits in the build folder beside the test bundle (the test target depends on it,
    /// so SwiftPM builds it first).
    static let executable: URL? = {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL { candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("trajviz")) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("trajviz"))
        if let argument = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("trajviz"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Tools/robustness/lsan.supp in this checkout.
    static let leakSuppressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tools/robustness/lsan.supp").path

    /// Runs `trajviz arguments` in `directory` and waits for it, or sends `signal` after `signalDelay` seconds.
    static func run(
        _ arguments: [String], in directory: URL? = nil, shellPrefix: String? = nil,
        signal: Int32? = nil, signalDelay: Double = 0
    ) throws -> Outcome {
        let tool = try #require(executable, "trajviz was not found beside the test bundle \(Bundle.main.bundlePath)")
        let process = Process()
        if let shellPrefix {
            // e.g. "ulimit -f 64; trap '' XFSZ;" then exec the tool with its arguments as "$@"
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(shellPrefix) exec \"$0\" \"$@\"", tool.path] + arguments
        } else {
            process.executableURL = tool
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        // Built with --sanitize=address, LeakSanitizer checks the tool at exit with the project's
        // suppressions (false positives of the Swift runtime and Foundation, Tools/robustness/lsan.supp).
        var environment = ProcessInfo.processInfo.environment
        // (print_suppressions=0: LeakSanitizer would otherwise append its statistics to stderr.)
        environment["LSAN_OPTIONS"] = (environment["LSAN_OPTIONS"].map { $0 + ":" } ?? "suppressions=\(Self.leakSuppressions):") + "print_suppressions=0"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Drain both pipes while the tool runs so that a chatty run cannot block on a full pipe.
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = output.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = error.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let signal {
            Thread.sleep(forTimeInterval: signalDelay)
            kill(process.processIdentifier, signal)
        }
        process.waitUntilExit()
        group.wait()
        return Outcome(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            standardOutput: String(decoding: outData, as: UTF8.self), standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh temporary folder, removed by the caller with `remove()`.
struct ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-robustness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = file(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    /// Every file below the folder, as paths relative to it.
    func files() -> [String] {
        ((try? FileManager.default.subpathsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Checks what every failure must look like: a non-zero exit, no crash, no trap text, no stack
/// trace, and a first stderr line that is a one-line error.
func expectCleanFailure(_ outcome: BuiltTool.Outcome, status: Int32? = nil, mentioning fragments: [String], sourceLocus: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!outcome.signalled, "the tool died of a signal\n\(outcome)", sourceLocation: sourceLocation)
    if let status {
        #expect(outcome.status == status, "\(outcome)", sourceLocation: sourceLocation)
    } else {
        #expect(outcome.status != 0, "\(outcome)", sourceLocation: sourceLocation)
    }
    expectNoTrap(outcome, sourceLocation: sourceLocation)
    let lines = outcome.errorLines
    #expect(!lines.isEmpty, "no error message\n\(outcome)", sourceLocation: sourceLocation)
    guard let first = lines.first else { return }
    for fragment in fragments {
        #expect(first.localizedCaseInsensitiveContains(fragment), "the first line lacks '\(fragment)'\n\(outcome)", sourceLocation: sourceLocation)
    }
    if sourceLocus {
        // file:line:column: message, then the source line, then a caret under the fault.
        #expect(first.range(of: #"^(Error: )?(trajviz: )?(error: )?[^:\s]+:\d+:\d+: "#, options: .regularExpression) != nil,
                "no file:line:column\n\(outcome)", sourceLocation: sourceLocation)
        #expect(lines.count == 3 && lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^"),
                "expected the error, the source line and a caret line\n\(outcome)", sourceLocation: sourceLocation)
    } else {
        #expect(lines.count == 1 || isUsageBlock(lines), "expected one line\n\(outcome)", sourceLocation: sourceLocation)
    }
}

/// ArgumentParser follows a validation error with "Usage: ..." and a help hint; the error is still first.
func isUsageBlock(_ lines: [String]) -> Bool {
    lines.count > 1 && lines.dropFirst().contains { $0.hasPrefix("Usage:") }
}

/// No trap, fatal error or stack trace on either stream.
func expectNoTrap(_ outcome: BuiltTool.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = outcome.standardError + outcome.standardOutput
    for marker in ["Fatal error", "Stack dump", "backtrace", "Illegal instruction", "Segmentation fault", "Sanitizer", "Swift runtime failure"] {
        #expect(!text.contains(marker), "'\(marker)' in the output\n\(outcome)", sourceLocation: sourceLocation)
    }
}
