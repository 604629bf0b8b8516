import Foundation
import Testing

/// One kind of mistake, one exit code: every usage error (a bad flag value, a bad combination of
/// flags, a function, expression, definition file, optimizer spec or scene file that cannot be
/// used) exits 2 with a first line that starts `error: `; failures of the work itself exit 1 with
/// the same form.
@Suite struct UsageErrorTests {
    static let run = ["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "3"]

    /// Mistakes of every kind, in every command that runs optimizers, with a word the message must contain.
    static let mistakes: [(arguments: [String], fragment: String)] = [
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adamm"], "adam"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam(lr=)"], "lr"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam(lr=-1)"], "lr"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam(betas=(0.9,0.99))"], "beta1=0.9, beta2=0.99"),
        (["trajectory", "--function", "rosenbrok", "--optimizer", "adam"], "rosenbrock"),
        (["trajectory", "--function", "x +* y", "--optimizer", "adam"], "expression:1:"),
        (["trajectory", "--function", "/tmp", "--optimizer", "adam"], "folder"),
        (["trajectory", "--function", "missing.toml", "--optimizer", "adam"], "missing.toml"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "0"], "--steps"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--dim", "3"], "dimension"),
        (["trajectory", "--function", "rosenbrock-n", "--optimizer", "adam", "--dim", "1"], "dimension"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--bogus"], "--bogus"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--functions-dir", "/nonexistent"], "--functions-dir"),
        (["trajectory", "--function", "mine", "--optimizer", "adam", "--functions-dir", "/tmp"], "mine"),
        (["render", "--function", "rosenbrock", "--optimizer", "sgdd"], "sgd"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--output", "x.gif"], "--animate"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--animate", "--output", "x.png"], "gif"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--animate", "--layout", "grid"], "--layout grid"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--frames", "10"], "--frames"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--frame-delay", "50"], "--frame-delay"),
        (["curves", "--function", "rosenbrock", "--optimizer", "adam(lr=0.1"], "')'"),
        (["diagnose", "--function", "rosenbrock", "--optimizer", "diffgrad(clone=maybe)"], "clone"),
        (["gallery", "--functions", "rosenbrok", "--optimizers", "adam"], "rosenbrock"),
        (["gallery", "--functions", "rosenbrock", "--optimizers", "adam,nope"], "nope"),
        (["gallery", "--scenes", "/nonexistent/scenes.json"], "scenes.json"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--gradient-noise", "-1"], "--gradient-noise"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--runs", "4"], "--gradient-noise"),
        (["render", "--function", "rosenbrock", "--optimizer", "adam", "--gradient-noise", "1", "--runs", "0"], "--runs"),
        (["curves", "--function", "rosenbrock", "--optimizer", "adam", "--noise-scale", "relative"], "--noise-scale"),
        (["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--gradient-noise", "1", "--runs", "3"], "--seed"),
        (["gallery", "--functions", "rosenbrock", "--optimizers", "adam", "--tune-objective", "bogus"], "bogus"),
        (["gallery", "--functions", "rosenbrock", "--optimizers", "adam", "--tune-objective", "steps-to=0"], "tolerance"),
        (["gallery", "--functions", "rosenbrock", "--optimizers", "adam", "--tune", "lr,momentum"], "momentum"),
        (["gallery", "--functions", "rosenbrock", "--optimizers", "sgd", "--tune", "lr,dampening"], "dampening"),
        (["help", "bogus"], "bogus"),
        (["bogus"], "bogus"),
    ]

    @Test(arguments: 0..<mistakes.count)
    func everyUsageErrorExitsTwoWithOneErrorLine(index: Int) throws {
        let (arguments, fragment) = Self.mistakes[index]
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run(arguments, in: scratch.url)
        expectCleanFailure(outcome, status: 2, mentioning: [fragment], sourceLocus: fragment == "expression:1:")
        #expect(outcome.errorLines.first?.hasPrefix("error: ") == true, "\(outcome)")
        #expect(!outcome.standardError.contains("Error:"), "\(outcome)")
        #expect(scratch.files().isEmpty, "a refused command wrote \(scratch.files())")
    }

    /// A failure of the work (here: the output cannot be written) exits 1, in the same form.
    @Test func aFailureOfTheWorkExitsOne() throws {
        let outcome = try BuiltTool.run(Self.run + ["--output", "/proc/trajviz-cannot-write-here.json"])
        expectCleanFailure(outcome, status: 1, mentioning: [])
        #expect(outcome.errorLines.first?.hasPrefix("error: ") == true, "\(outcome)")
    }

    @Test func versionIsPrinted() throws {
        let outcome = try BuiltTool.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(outcome)")
    }

    @Test func helpOfARealTopicStillWorks() throws {
        let outcome = try BuiltTool.run(["help", "render"])
        #expect(outcome.status == 0 && outcome.standardOutput.contains("--animate"), "\(outcome)")
    }

    /// The help text and the error give the same `--dim` range.
    @Test func dimensionRangeAgreesBetweenHelpAndError() throws {
        let help = try BuiltTool.run(["trajectory", "--help"]).standardOutput.replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        let error = try BuiltTool.run(Self.run + ["--function", "rastrigin-n", "--dim", "20000"])
        let range = try #require(error.errorLines.first?.firstMatch(of: /from (\d+) to (\d+)/))
        #expect(help.contains("\(range.1) to \(range.2)"), "help: \(help)\nerror: \(error)")
        #expect(error.status == 2)
    }

    /// Flags that go together are honoured together.
    @Test func matchingAnimationFlagsAreHonoured() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "render", "--function", "rosenbrock", "--optimizer", "adam(lr=0.05)", "--steps", "20", "--size", "320x240",
            "--animate", "--frames", "4", "--frame-delay", "50", "--output", scratch.file("a.gif").path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(try Data(contentsOf: scratch.file("a.gif")).prefix(6) == Data("GIF89a".utf8))
    }
}

/// Scene files are rendered from the top only: a scene that runs `gallery --scenes` (itself or
/// another file) is refused, naming the file and the scene, before anything runs.
@Suite struct SceneRecursionTests {
    @Test(arguments: [["--scenes", "SELF"], ["--scenes=SELF"], ["--check", "--scenes", "other.json"]])
    func aSceneThatRendersSceneFilesIsRefused(tail: [String]) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let file = scratch.file("rec.json")
        let arguments = ["gallery"] + tail.map { $0.replacingOccurrences(of: "SELF", with: file.path) }
        let scenes: [[String: Any]] = [
            ["image": "fine.png", "arguments": ["render", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "5"]],
            ["image": "loop.png", "arguments": arguments],
        ]
        try JSONSerialization.data(withJSONObject: ["scenes": scenes]).write(to: file)
        try Data(#"{"scenes": [{"image": "x.png", "arguments": ["gallery", "--scenes", "rec.json"]}]}"#.utf8)
            .write(to: scratch.file("other.json"))
        let outcome = try BuiltTool.run(["gallery", "--scenes", file.path])
        expectCleanFailure(outcome, status: 2, mentioning: ["rec.json", "scene 2", "loop.png", "gallery --scenes"])
        #expect(scratch.files() == ["other.json", "rec.json"])
    }
}

/// The gallery runs an lr given in a spec as given, and runs each function and optimizer once.
@Suite struct GalleryListTests {
    @Test func givenLearningRateIsRunAsGivenAndRepeatsAreDropped() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "gallery", "--functions", "rosenbrock,rosenbrock", "--optimizers", "adam(lr=0.1), adam(lr=0.1) ,sgd", "--figures", "maps",
            "--budget", "5", "--steps", "20", "--jobs", "1", "--output", scratch.url.path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardError.contains("--functions lists rosenbrock more than once"), "\(outcome)")
        #expect(outcome.standardError.contains("--optimizers lists adam(lr=0.1) more than once"), "\(outcome)")
        let csv = try String(contentsOf: scratch.file("metrics.csv"), encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 3, "\(csv)")  // header, adam, sgd
        let adam = try #require(csv.first { $0.contains("\"adam(lr=0.1)\"") })
        #expect(adam.contains(",0.1,"), "\(adam)")  // the lr as given, not tuned
        let markdown = try String(contentsOf: scratch.file("metrics.md"), encoding: .utf8)
        #expect(markdown.contains("0.1 (given)"), "\(markdown)")
        #expect(!(markdown.split(separator: "\n").first { $0.contains("| sgd |") } ?? "").contains("given"))
    }
}

/// Divergence is reported the same way by every command: a non-finite loss or gradient, as well
/// as a non-finite point, ends the run with a warning and `divergedAtStep`.
@Suite struct DivergenceReportTests {
    @Test(arguments: [
        ["trajectory", "--function", "quadratic-n", "--dim", "50", "--condition-number", "1000", "--optimizer", "sgd(lr=0.01)", "--steps", "300"],
        ["trajectory", "--function", "log(x) + y^2", "--optimizer", "sgd(lr=0.5)", "--start=0.5,1", "--steps", "50"],
    ])
    func aNonFiniteLossIsDivergence(arguments: [String]) throws {
        let outcome = try BuiltTool.run(arguments)
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardError.contains("diverged at step"), "\(outcome)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        let step = try #require(json["divergedAtStep"] as? Int)
        let losses = try #require(json["losses"] as? [Any])
        #expect(losses.count == step)
        #expect(losses.dropLast().allSatisfy { $0 is Double }, "a loss vanished before the run stopped")
    }

    /// The README's diagnose example diverges at step 6, as its PyTorch reference does: each variant says so.
    @Test func diagnoseWarnsForEachDivergedVariant() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "diagnose", "--function", "rosenbrock", "--optimizer", "diffrgrad(lr=0.01, clone=false)", "--steps", "20",
            "--output", scratch.url.path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.errorLines.filter { $0.contains("diverged at step 6") }.count == 4, "\(outcome)")
    }

    @Test func curvesWarnsAndDrawsTheLossUpToTheDivergence() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "curves", "--function", "quadratic-n", "--dim", "50", "--condition-number", "1000", "--optimizer", "sgd(lr=0.01)",
            "--optimizer", "adam(lr=0.1)", "--steps", "300", "--size", "900x400", "--output", scratch.file("c.png").path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardError.contains("sgd(lr=0.01) diverged at step 161"), "\(outcome)")
    }
}

/// Deep nesting through the built tool, inline and in a definition file: refused with one error
/// and a location, never a crash.
@Suite struct DeepNestingTests {
    static let kinds: [@Sendable (Int) -> String] = [
        { String(repeating: "x^", count: $0) + "2" },
        { String(repeating: "(", count: $0) + "x" + String(repeating: ")", count: $0) },
        { String(repeating: "-", count: $0) + "x" },
        { String(repeating: "tanh(", count: $0) + "x" + String(repeating: ")", count: $0) },
        { String(repeating: "x+", count: $0) + "y" },
    ]

    @Test(arguments: 0..<kinds.count)
    func deepExpressionsAreRefusedInlineAndInAFile(kind: Int) throws {
        let text = Self.kinds[kind](15_000)
        let inline = try BuiltTool.run(["trajectory", "--function=\(text)", "--optimizer", "adam", "--steps", "3"])
        expectCleanFailure(inline, status: 2, mentioning: ["expression:1:", "nested too deeply"], sourceLocus: true)
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let file = try scratch.write("deep.toml", "name = \"deep\"\nexpression = \"\(text)\"\nstart = [0.5, 0.5]\n")
        let fromFile = try BuiltTool.run(["trajectory", "--function", file.path, "--optimizer", "adam", "--steps", "3"])
        expectCleanFailure(fromFile, status: 2, mentioning: ["deep.toml:2:", "nested too deeply"], sourceLocus: true)
    }

    @Test(arguments: 0..<kinds.count)
    func justUnderTheLimitRunsAndRenders(kind: Int) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "render", "--function=\(Self.kinds[kind](kind == 1 ? 199 : 190))", "--optimizer", "adam", "--steps", "5",
            "--size", "320x240", "--domain=0.5,1,0.5,1", "--output", scratch.file("deep.png").path,
        ])
        expectNoTrap(outcome)
        #expect(outcome.status == 0, "\(outcome)")
    }

    @Test(arguments: [
        "k" + String(repeating: ".k", count: 15_000) + " = 1", "[k" + String(repeating: ".k", count: 15_000) + "]",
        "domain = " + String(repeating: "{ a.b = ", count: 5_000) + "1" + String(repeating: " }", count: 5_000),
    ])
    func deepTOMLIsRefused(line: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let file = try scratch.write("deep.toml", "name = \"deep\"\nexpression = \"x^2\"\nstart = [0.5, 0.5]\n" + line + "\n")
        let outcome = try BuiltTool.run(["trajectory", "--function", file.path, "--optimizer", "adam", "--steps", "3"])
        expectCleanFailure(outcome, status: 2, mentioning: ["deep.toml:4:", "TOML nested too deeply"], sourceLocus: true)
    }
}
