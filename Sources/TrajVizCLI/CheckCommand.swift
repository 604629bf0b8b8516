import ArgumentParser
import Foundation
import ImageDiff

extension ComparisonMetric: ExpressibleByArgument {}
extension UpdateMode: ExpressibleByArgument {}

/// What `trajviz check` prints on standard output.
enum CheckOutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// One line per image and a summary.
    case text
    /// The JSON document of `report.json` (docs/check-report.md); other lines go to standard error.
    case json
}

/// `trajviz check BASELINE ACTUAL`: compares two PNG files, or two folders of PNGs matched by
/// relative path, and exits 0 when all pass, 1 when any differs, is missing or has no baseline,
/// and 2 on a usage or I/O error.
public struct CheckCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compares PNG images with their baselines (pixelmatch or RMS) and reports the differences.",
        discussion: """
            BASELINE and ACTUAL are two PNG files or two folders; folders are matched by relative path. \
            Images only in BASELINE are missing, images only in ACTUAL have no baseline; both fail \
            unless recorded with --update. Folders are compared in parallel, one pair per core; symlinks \
            are followed, and a file that is not a readable PNG is reported while the rest are compared. \
            Exit status: 0 all pass, 1 a difference, 2 a usage or I/O error (an unreadable image, a \
            baseline that could not be recorded).
            """
    )

    @Argument(help: ArgumentHelp("The baseline PNG file or folder (the expected images).", valueName: "BASELINE"))
    var baseline: String

    @Argument(help: ArgumentHelp("The actual PNG file or folder (the images to check).", valueName: "ACTUAL"))
    var actual: String

    @Option(help: ArgumentHelp("pixelmatch's per-pixel colour threshold, 0...1; smaller is stricter.", valueName: "T"))
    var threshold: Double = 0.1

    @Option(help: ArgumentHelp("Pass when at most N pixels mismatch (default 0).", valueName: "N"))
    var maxDiffPixels: Int?

    @Option(help: ArgumentHelp("Pass when at most P percent of the pixels mismatch, 0...100.", valueName: "P"))
    var maxDiffPercent: Double?

    @Option(help: "The metric that decides: pixelmatch (mismatched pixels) or rms (matplotlib's RMS).")
    var metric: ComparisonMetric = .pixelmatch

    @Option(help: ArgumentHelp("With --metric rms: the largest RMS that passes, 0...255.", valueName: "R"))
    var rmsTolerance: Double?

    @Flag(help: "Count anti-aliasing pixels as differences instead of skipping them.")
    var includeAA = false

    @Flag(help: "Draw diff images as a mask of the differences on a transparent background.")
    var diffMask = false

    @Option(help: ArgumentHelp("Write diff images (DIR/diffs), report.json and a self-contained index.html into DIR.", valueName: "DIR"))
    var report: String?

    @Option(help: ArgumentHelp("Write the diff image of every failure into DIR, by relative path (instead of the report's diffs/).", valueName: "DIR"))
    var diffDir: String?

    @Option(help: ArgumentHelp("Write the HTML report (baseline, actual, diff and a slider) to FILE (instead of the report's index.html).", valueName: "FILE"))
    var html: String?

    @Option(help: ArgumentHelp("Write a JUnit XML report to FILE: one test case per image; failures give the numbers and the diff image's path.", valueName: "FILE"))
    var junit: String?

    @Option(help: "What to print: text (a line per image) or json (the schema of report.json).")
    var format: CheckOutputFormat = .text

    @Option(help: ArgumentHelp("Record actual images as baselines: never, missing (no baseline yet) or all (also failures).", valueName: "MODE"))
    var update: UpdateMode = .never

    public init() {}

    /// What is wrong with the options, quoting the flags; nil when they are fine.
    var usageProblem: String? {
        Self.usageProblem(
            threshold: threshold, maxDiffPixels: maxDiffPixels, maxDiffPercent: maxDiffPercent, metric: metric, rmsTolerance: rmsTolerance)
    }

    static func usageProblem(
        threshold: Double, maxDiffPixels: Int?, maxDiffPercent: Double?, metric: ComparisonMetric, rmsTolerance: Double?
    ) -> String? {
        if !(0...1).contains(threshold) { return "--threshold must be between 0 and 1 (got \(threshold))" }
        if maxDiffPixels != nil, maxDiffPercent != nil {
            return "--max-diff-pixels and --max-diff-percent exclude each other; give one"
        }
        if let maxDiffPixels, maxDiffPixels < 0 { return "--max-diff-pixels must be 0 or more (got \(maxDiffPixels))" }
        if let maxDiffPercent, !(0...100).contains(maxDiffPercent) {
            return "--max-diff-percent must be between 0 and 100 (got \(maxDiffPercent))"
        }
        if let rmsTolerance, !(0...255).contains(rmsTolerance) { return "--rms-tolerance must be between 0 and 255 (got \(rmsTolerance))" }
        if metric == .rms, maxDiffPixels != nil || maxDiffPercent != nil {
            return "--max-diff-pixels and --max-diff-percent apply to --metric pixelmatch; with --metric rms use --rms-tolerance"
        }
        if metric == .pixelmatch, rmsTolerance != nil { return "--rms-tolerance applies only with --metric rms" }
        return nil
    }

    public func validate() throws {
        if let problem = usageProblem ?? outputProblem {
            printError("error: \(problem)")
            throw ExitCode(2)
        }
    }

    /// Where the report and diff images go, from --report, --diff-dir, --html and --junit.
    var destinations: ReportDestinations {
        var destinations = report.map { ReportDestinations.folder(URL(fileURLWithPath: $0)) } ?? ReportDestinations()
        if let diffDir { destinations.diffFolder = URL(fileURLWithPath: diffDir) }
        if let html { destinations.html = URL(fileURLWithPath: html) }
        if let junit { destinations.junit = URL(fileURLWithPath: junit) }
        return destinations
    }

    var outputProblem: String? { Self.outputProblem(inputs: [baseline, actual], outputs: destinations.outputFolders) }

    /// An output folder that is BASELINE or ACTUAL, or holds one of them, would mix the report
    /// with the images; nil when the outputs are apart.
    static func outputProblem(inputs: [String], outputs: [URL]) -> String? {
        for folder in outputs {
            let output = folder.standardizedFileURL.path
            for input in inputs.map({ URL(fileURLWithPath: $0).standardizedFileURL.path })
            where input == output || input.hasPrefix(output.hasSuffix("/") ? output : output + "/") {
                return "the output folder \(folder.path) (--report or --diff-dir) would hold \(input); give a folder apart from BASELINE and ACTUAL"
            }
        }
        return nil
    }

    /// The pass criteria the options describe.
    var criteria: CheckCriteria {
        CheckCriteria(
            metric: metric, pixelmatch: PixelmatchOptions(threshold: threshold, includeAA: includeAA, diffMask: diffMask),
            maxDiffPixels: maxDiffPixels, maxDiffPercent: maxDiffPercent, rmsTolerance: rmsTolerance ?? 0)
    }

    public func run() throws {
        let status = execute(output: { print($0) }, errors: printError)
        if status != 0 { throw ExitCode(status) }
    }

    /// Runs the check, sending report lines to `output` and error lines to `errors`; returns the exit status.
    func execute(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        let destinations = destinations
        let notes = format == .text ? output : errors
        do {
            let baselineURL = URL(fileURLWithPath: baseline)
            let sets = try ImageSet.pair(baseline: baselineURL, actual: URL(fileURLWithPath: actual), excluding: destinations.outputFolders)
            var result = checkImages(
                baseline: sets.baseline, actual: sets.actual, criteria: criteria,
                makeDiffImages: destinations.diffFolder != nil || destinations.html != nil)
            let recorded = result.recordBaselines(mode: update, in: sets.baseline)
            let files = try result.writeReport(destinations)
            switch format {
            case .text:
                for image in result.images {
                    output("\(label(image.status).padding(toLength: 9, withPad: " ", startingAt: 0)) \(image.path)  \(image.message)")
                }
            case .json:
                let document = try result.jsonDocument(diffs: files.diffs, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                output(String(decoding: document, as: UTF8.self).trimmingCharacters(in: .newlines))
            }
            for change in recorded {
                notes("recorded  \(change.path) as \(change.change == .added ? "a new" : "the new") baseline: \(change.file.path)")
            }
            for error in result.errors { errors("error: \(error)") }
            notes(result.summary)
            for file in [files.html, files.json, files.junit].compactMap({ $0 }) { notes("report: \(file.path)") }
            if !files.diffs.isEmpty, let folder = destinations.diffFolder { notes("diff images: \(folder.path)") }
            if !result.errors.isEmpty { return 2 }
            return result.passed ? 0 : 1
        } catch {
            errors("error: \(error)")
            return 2
        }
    }

    private func label(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "pass"
        case .fail: "FAIL"
        case .missing: "MISSING"
        case .extra: "NEW"
        case .sizeMismatch: "SIZE"
        case .error: "ERROR"
        }
    }
}

private func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
