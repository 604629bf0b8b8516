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
        #expect(run.output.contains("report: \(workspace.path("report/index.html"))"))
        #expect(run.output.contains("report: \(workspace.path("report/report.json"))"))
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

    @Test func symlinkedImagesAreImagesAndAreNeverReplacedByAMissingUpdate() throws {
        let workspace = try Workspace()
        let store = try workspace.write("store/kept.png", Workspace.png())
        try workspace.write("store/actual.png", Workspace.png(changedPixel: true))
        try FileManager.default.createDirectory(atPath: workspace.path("baseline"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.path("actual"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("baseline/a.png"), withDestinationPath: store)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("actual/a.png"), withDestinationPath: workspace.path("store/actual.png"))
        let folders = [workspace.path("baseline"), workspace.path("actual")]
        let run = check(folders + ["--update", "missing"])
        #expect(run.status == 1)
        #expect(run.output.first?.hasPrefix("FAIL      a.png  1 mismatched pixels") == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("baseline/a.png")) == store)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == Workspace.png())
        // --update all replaces the image the link points to, and the link stays.
        #expect(check(folders + ["--update", "all"]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("baseline/a.png")) == store)
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == Workspace.png(changedPixel: true))
    }

    @Test(arguments: ["unwritable folder", "dangling link"])
    func anUpdateThatFailsExitsTwo(_ kind: String) throws {
        let workspace = try Workspace()
        try workspace.write("actual/a.png", Workspace.png())
        try workspace.write("actual/b.png", Workspace.png())
        var baseline = workspace.path("baseline")
        if kind == "unwritable folder" {
            let blocker = try workspace.write("blocker", Data())
            baseline = blocker + "/baseline"
        } else {
            try workspace.write("baseline/b.png", Workspace.png())
            try FileManager.default.createSymbolicLink(atPath: workspace.path("baseline/a.png"), withDestinationPath: "gone.png")
        }
        let run = check([baseline, workspace.path("actual"), "--update", "all"])
        #expect(run.status == 2)
        #expect(run.errors.contains { $0.contains("a.png") })
        if kind == "dangling link" {
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("baseline/a.png")) == "gone.png")
            #expect(run.output.contains { $0.hasPrefix("pass      b.png") })
        }
    }

    @Test func oneNonPNGFileIsReportedAndTheRestCompared() throws {
        let workspace = try Workspace()
        for name in ["a.png", "c.png"] {
            try workspace.write("baseline/\(name)", Workspace.png())
            try workspace.write("actual/\(name)", Workspace.png(changedPixel: name == "c.png"))
        }
        try workspace.write("baseline/b.png", Workspace.png())
        let notPNG = try workspace.write("actual/b.png", Data("<html>not a picture</html>".utf8))
        let run = check([workspace.path("baseline"), workspace.path("actual"), "--junit", workspace.path("junit.xml")])
        #expect(run.status == 2)
        #expect(run.output.contains { $0.hasPrefix("pass      a.png") })
        #expect(run.output.contains { $0.hasPrefix("ERROR     b.png") && $0.contains("is not a PNG file") })
        #expect(run.output.contains { $0.hasPrefix("FAIL      c.png") })
        #expect(run.errors == ["error: \(notPNG) is not a PNG file (it lacks the PNG signature); give PNG images only"])
        #expect(run.output.contains("3 images: 1 passed, 1 failed, 1 unreadable"))
    }

    @Test func aReportInsideTheBaselineFolderNeverBecomesPartOfIt() throws {
        let workspace = try Workspace()
        try workspace.write("baseline/a.png", Workspace.png())
        try workspace.write("actual/a.png", Workspace.png(changedPixel: true))
        let folders = [workspace.path("baseline"), workspace.path("actual")]
        let first = check(folders + ["--report", workspace.path("baseline/report"), "--diff-dir", workspace.path("baseline/diffs")])
        #expect(first.status == 1)
        #expect(FileManager.default.fileExists(atPath: workspace.path("baseline/diffs/a.png")))
        #expect(FileManager.default.fileExists(atPath: workspace.path("baseline/report/index.html")))
        for options in [[], ["--update", "all"]] {
            let again = check(folders + options)
            #expect(again.output.filter { !$0.hasPrefix("recorded") }.count == 2, "\(again.output)")
            #expect(again.output.allSatisfy { !$0.contains("diffs/") })
        }
        // An output folder that is, or holds, BASELINE or ACTUAL is refused.
        for flags in [["--report", workspace.path("baseline")], ["--diff-dir", workspace.root.path]] {
            #expect(check(folders + flags).status == 2)
        }
        let outputs = [URL(fileURLWithPath: workspace.path("baseline")), workspace.root]
        for output in outputs {
            let problem = CheckCommand.outputProblem(inputs: folders, outputs: [output])
            #expect(problem?.hasSuffix("give a folder apart from BASELINE and ACTUAL") == true)
        }
        #expect(CheckCommand.outputProblem(inputs: folders, outputs: [URL(fileURLWithPath: workspace.path("baseline-report"))]) == nil)
    }

    @Test func diffImagesAndTheHTMLGoWhereTheUserSays() throws {
        let workspace = try Workspace()
        try workspace.write("baseline/sub/a.png", Workspace.png())
        try workspace.write("actual/sub/a.png", Workspace.png(changedPixel: true))
        let run = check([
            workspace.path("baseline"), workspace.path("actual"), "--diff-dir", workspace.path("out/diff-images"), "--html",
            workspace.path("pages/check.html"),
        ])
        #expect(run.status == 1)
        let diff = try RGBAImage(contentsOfPNG: URL(fileURLWithPath: workspace.path("out/diff-images/sub/a.png")))
        #expect(diff[5, 5] == (255, 0, 0, 255))
        let html = try String(contentsOfFile: workspace.path("pages/check.html"), encoding: .utf8)
        #expect(html.contains("<input type=\"range\""))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("report.json")))
    }

    @Test func jsonOnStandardOutputIsTheReportSchemaAsDocumented() throws {
        let workspace = try Workspace()
        try workspace.write("baseline/a.png", Workspace.png())
        try workspace.write("actual/a.png", Workspace.png(changedPixel: true))
        try workspace.write("baseline/gone.png", Workspace.png())
        let run = check([workspace.path("baseline"), workspace.path("actual"), "--format", "json", "--report", workspace.path("report")])
        #expect(run.status == 1)
        let printed = try #require(JSONSerialization.jsonObject(with: Data(run.output.joined(separator: "\n").utf8)) as? [String: Any])
        let file = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: workspace.path("report/report.json")))) as? [String: Any])
        let images = try #require(printed["images"] as? [[String: Any]])
        let failing = try #require(images.first { $0["path"] as? String == "a.png" })
        #expect(failing["mismatchedPixels"] as? Int == 1)
        #expect((failing["mismatchBounds"] as? [String: Int]) == ["x": 5, "y": 5, "width": 1, "height": 1])
        #expect(failing["diff"] as? String == workspace.path("report/diffs/a.png"))
        #expect(((file["images"] as? [[String: Any]])?.first?["diff"]) as? String == "diffs/a.png")
        #expect(run.errors.contains { $0.hasPrefix("report: ") })  // notes go to standard error with --format json
        // One schema: the same keys in both, and exactly the keys the document lists.
        let documented = try documentedKeys()
        for document in [printed, file] {
            #expect(Set(document.keys) == ["summary", "criteria", "images"])
            for section in ["summary", "criteria"] {
                #expect(Set((document[section] as? [String: Any])?.keys.map { $0 } ?? []) == documented[section], "\(section)")
            }
            for image in document["images"] as? [[String: Any]] ?? [] {
                #expect(Set(image.keys) == documented["images[]"])
            }
        }
    }

    @Test func junitReportValidatesAgainstTheCommonSchema() throws {
        let workspace = try Workspace()
        try workspace.write("baseline/same.png", Workspace.png())
        try workspace.write("actual/same.png", Workspace.png())
        try workspace.write("baseline/changed <&\">.png", Workspace.png())
        try workspace.write("actual/changed <&\">.png", Workspace.png(changedPixel: true))
        try workspace.write("baseline/gone.png", Workspace.png())
        try workspace.write("actual/broken.png", Data("text".utf8))
        let junit = workspace.path("ci/junit.xml")
        let run = check([workspace.path("baseline"), workspace.path("actual"), "--junit", junit, "--diff-dir", workspace.path("ci/diffs")])
        #expect(run.status == 2)
        let schema = try #require(Bundle.module.url(forResource: "Fixtures/junit/JUnit", withExtension: "xsd"))
        let validation = try xmllint(schema: schema.path, junit)
        #expect(validation.status == 0, "\(validation.output)")
        let xml = try String(contentsOfFile: junit, encoding: .utf8)
        #expect(xml.components(separatedBy: "<testcase ").count - 1 == 4)
        #expect(xml.contains("tests=\"4\" failures=\"2\" errors=\"1\""))
        #expect(xml.contains("<testcase name=\"same.png\" classname=\"trajviz.check\""))
        #expect(xml.contains("<failure type=\"fail\" message=\"1 mismatched pixels (0.5208%) in x 5...5, y 5...5 (1×1 px), RMS"))
        #expect(xml.contains("diff image: diffs/changed &lt;&amp;&quot;&gt;.png"))
        #expect(xml.contains("<failure type=\"missing\""))
        #expect(xml.contains("<error type=\"error\""))
        // The validator can fail: a test case without its classname is rejected.
        let broken = workspace.path("ci/broken.xml")
        try Data(xml.replacingOccurrences(of: " classname=\"trajviz.check\"", with: "").utf8).write(to: URL(fileURLWithPath: broken))
        #expect(try xmllint(schema: schema.path, broken).status != 0)
    }
}

/// The keys `docs/check-report.md` lists, by section (`summary`, `criteria`, `images[]`).
private func documentedKeys() throws -> [String: Set<String>] {
    let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/check-report.md")
    var keys: [String: Set<String>] = [:]
    var section = ""
    for line in try String(contentsOf: doc, encoding: .utf8).split(separator: "\n") {
        if line.hasPrefix("## ") {
            section = line.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: "` "))
        } else if line.hasPrefix("| `"), let key = line.split(separator: "`").dropFirst().first {
            keys[section, default: []].insert(String(key))
        }
    }
    return keys
}

/// Runs Debian's `xmllint --schema` (libxml2-utils, installed by scripts/system-packages.sh).
private func xmllint(schema: String, _ file: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    process.arguments = ["--noout", "--schema", schema, file]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}
