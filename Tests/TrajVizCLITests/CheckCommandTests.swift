import ArgumentParser
import Foundation
import ImageDiff
import Testing
@testable import TrajVizCLI

/// A temporary folder with `baseline/` and `actual/` images written by the test.
private struct Workspace {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("check-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    static func png(changedPixel: Bool = false, width: Int = 16) throws -> Data {
        var image = RGBAImage(width: width, height: 12, red: 240, green: 240, blue: 240)
        if changedPixel { image[5, 5] = (10, 10, 10, 255) }
        return try image.pngData()
    }
}

/// Runs `trajviz check ARGS` in process; returns the exit status and what went to stdout and stderr.
private func check(_ arguments: [String]) -> (status: Int32, output: [String], errors: [String]) {
    let command: CheckCommand
    do {
        command = try CheckCommand.parse(arguments)
    } catch {
        return (CheckCommand.exitCode(for: error).rawValue, [], [CheckCommand.message(for: error)])
    }
    var output: [String] = []
    var errors: [String] = []
    let status = command.execute(output: { output.append($0) }, errors: { errors.append($0) })
    return (status, output, errors)
}

@Suite struct CheckCommandTests {
    @Test func identicalFilesPassWithExitZero() throws {
        let workspace = try Workspace()
        let baseline = try workspace.write("baseline/a.png", Workspace.png())
        let actual = try workspace.write("actual/a.png", Workspace.png())
        let run = check([baseline, actual])
        #expect(run.status == 0)
        #expect(run.output.first?.hasPrefix("pass") == true)
        #expect(run.output.first?.contains("0 mismatched pixels (0.0000%)") == true)
        #expect(run.output.first?.contains("RMS 0.0000") == true)
    }

    @Test func aChangedPixelFailsWithExitOne() throws {
        let workspace = try Workspace()
        let baseline = try workspace.write("baseline/a.png", Workspace.png())
        let actual = try workspace.write("actual/a.png", Workspace.png(changedPixel: true))
        let run = check([baseline, actual])
        #expect(run.status == 1)
        #expect(run.output.first?.hasPrefix("FAIL") == true)
        #expect(run.output.first?.contains("1 mismatched pixels (0.5208%)") == true)
        #expect(check([baseline, actual, "--max-diff-pixels", "1"]).status == 0)
        #expect(check([baseline, actual, "--metric", "rms", "--rms-tolerance", "20"]).status == 0)
    }

    @Test func foldersReportMissingExtraAndSizeMismatches() throws {
        let workspace = try Workspace()
        try workspace.write("baseline/same.png", Workspace.png())
        try workspace.write("actual/same.png", Workspace.png())
        try workspace.write("baseline/gone.png", Workspace.png())
        try workspace.write("actual/new/one.png", Workspace.png())
        try workspace.write("baseline/wide.png", Workspace.png())
        try workspace.write("actual/wide.png", Workspace.png(width: 17))
        let run = check([workspace.path("baseline"), workspace.path("actual")])
        #expect(run.status == 1)
        #expect(run.output.contains { $0.hasPrefix("MISSING") && $0.contains("gone.png") })
        #expect(run.output.contains { $0.hasPrefix("NEW") && $0.contains("new/one.png") })
        #expect(run.output.contains { $0.hasPrefix("SIZE") && $0.contains("baseline 16x12, actual 17x12") })
        #expect(run.output.last == "4 images: 1 passed, 1 size mismatch, 1 missing, 1 without baseline")
    }

    @Test(arguments: [
        ("truncated", "damaged PNG"), ("text", "is not a PNG file"), ("empty", "is not a PNG file"),
    ])
    func badImagesExitTwoWithOneLine(_ kind: String, _ expected: String) throws {
        let workspace = try Workspace()
        let good = try Workspace.png()
        let bad: Data = switch kind {
        case "truncated": good.prefix(good.count / 2)
        case "text": Data("hello".utf8)
        default: Data()
        }
        let baseline = try workspace.write("baseline/a.png", good)
        let actual = try workspace.write("actual/a.png", bad)
        let run = check([baseline, actual])
        #expect(run.status == 2)
        #expect(run.errors.count == 1)
        #expect(run.errors.first?.hasPrefix("error: \(actual)") == true)
        #expect(run.errors.first?.contains(expected) == true)
        #expect(run.errors.first?.contains("\n") == false)
    }

    @Test func anUnreadableArgumentOrAFileAgainstAFolderExitsTwo() throws {
        let workspace = try Workspace()
        let file = try workspace.write("baseline/a.png", Workspace.png())
        try FileManager.default.createDirectory(atPath: workspace.path("folder"), withIntermediateDirectories: true)
        #expect(check([workspace.path("nothing.png"), workspace.path("nothing-either.png")]).status == 2)
        let mixed = check([file, workspace.path("folder")])
        #expect(mixed.status == 2)
        #expect(mixed.errors.first?.contains("must both be PNG files or both be folders") == true)
    }

    @Test func optionProblemsQuoteTheFlagsAndExitTwo() throws {
        let problems: [([String], String)] = [
            (["--threshold", "1.5"], "--threshold must be between 0 and 1"),
            (["--max-diff-pixels", "3", "--max-diff-percent", "1"], "--max-diff-pixels and --max-diff-percent exclude each other"),
            (["--max-diff-pixels=-1"], "--max-diff-pixels must be 0 or more"),
            (["--max-diff-percent", "101"], "--max-diff-percent must be between 0 and 100"),
            (["--metric", "rms", "--max-diff-pixels", "3"], "with --metric rms use --rms-tolerance"),
            (["--rms-tolerance", "3"], "--rms-tolerance applies only with --metric rms"),
            (["--metric", "rms", "--rms-tolerance", "300"], "--rms-tolerance must be between 0 and 255"),
        ]
        for (options, message) in problems {
            do {
                _ = try CheckCommand.parse(["a.png", "b.png"] + options)
                Issue.record("\(options) was accepted")
            } catch {
                #expect(CheckCommand.exitCode(for: error) == ExitCode(2), "\(options)")
            }
            let pairs = options.flatMap { $0.split(separator: "=", maxSplits: 1).map(String.init) }
            let value = { (flag: String) in pairs.firstIndex(of: flag).map { pairs[$0 + 1] } }
            let problem = CheckCommand.usageProblem(
                threshold: value("--threshold").flatMap(Double.init) ?? 0.1, maxDiffPixels: value("--max-diff-pixels").flatMap { Int($0) },
                maxDiffPercent: value("--max-diff-percent").flatMap(Double.init),
                metric: value("--metric").flatMap(ComparisonMetric.init(rawValue:)) ?? .pixelmatch,
                rmsTolerance: value("--rms-tolerance").flatMap(Double.init))
            #expect(problem?.contains(message) == true, "\(options)")
        }
        #expect(try CheckCommand.parse(["a.png", "b.png", "--max-diff-percent", "0.5", "--include-aa"]).usageProblem == nil)
    }

    @Test func aReportFolderGetsJSONAndHTML() throws {
        let workspace = try Workspace()
        let baseline = try workspace.write("baseline/a.png", Workspace.png())
        let actual = try workspace.write("actual/a.png", Workspace.png(changedPixel: true))
        let run = check([baseline, actual, "--report", workspace.path("report")])
        #expect(run.status == 1)
        #expect(run.output.last == "report: \(workspace.path("report/index.html"))")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: workspace.path("report/report.json")))) as? [String: Any]
        #expect((json?["images"] as? [[String: Any]])?.first?["mismatchedPixels"] as? Int == 1)
        #expect(FileManager.default.fileExists(atPath: workspace.path("report/diffs/a.png")))
    }

    @Test func anUnwritableReportFolderExitsTwo() throws {
        let workspace = try Workspace()
        let baseline = try workspace.write("baseline/a.png", Workspace.png())
        let actual = try workspace.write("actual/a.png", Workspace.png(changedPixel: true))
        let blocker = try workspace.write("blocker", Data())
        let run = check([baseline, actual, "--report", blocker + "/report"])
        #expect(run.status == 2)
        #expect(run.errors.first?.contains("cannot write") == true)
    }

    @Test func updateModesRecordBaselines() throws {
        let workspace = try Workspace()
        try workspace.write("actual/new.png", Workspace.png())
        try workspace.write("baseline/changed.png", Workspace.png())
        try workspace.write("actual/changed.png", Workspace.png(changedPixel: true))
        let folders = [workspace.path("baseline"), workspace.path("actual")]
        #expect(check(folders + ["--update", "never"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("baseline/new.png")))
        let missing = check(folders + ["--update", "missing"])
        #expect(missing.status == 1)  // changed.png still fails
        #expect(missing.output.contains { $0.hasPrefix("recorded  new.png as a new baseline") })
        let all = check(folders + ["--update", "all"])
        #expect(all.status == 0)
        #expect(all.output.contains { $0.hasPrefix("recorded  changed.png as the new baseline") })
        #expect(check(folders).status == 0)
    }
}
