import Foundation
import Testing

/// Every user mistake gets a non-zero exit and one line that says what, where and how to fix it.
@Suite struct BadInputTests {
    static let goodFile = """
        name = "bowl"
        expression = "x^2 + 3*y^2"
        domain = { x = [-2.0, 2.0], y = [-2.0, 2.0] }
        start = [-1.5, 1.5]
        """

    func renderFile(_ text: String, named name: String = "mine.toml") throws -> (BuiltTool.Outcome, ScratchFolder) {
        let scratch = try ScratchFolder()
        let file = try scratch.write(name, text)
        let outcome = try BuiltTool.run([
            "render", "--function", file.path, "--optimizer", "adam", "--steps", "5", "--size", "320x240",
            "--output", scratch.file("out.png").path,
        ])
        return (outcome, scratch)
    }

    @Test func malformedTOMLNamesFileLineAndColumnWithACaret() throws {
        let (outcome, scratch) = try renderFile("name = \"bowl\"\nexpression = \"x^2\nstart = [1, 2]\n")
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:2:"], sourceLocus: true)
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out.png").path))
    }

    /// toml++ quoted a line break inside its message, splitting the error over two lines; found by Fuzz/run.sh.
    @Test func tomlErrorQuotingALineBreakStaysOnOneLine() throws {
        let (outcome, scratch) = try renderFile("name = \"n\"\nlevels =t\n")
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:2:", "malformed TOML"], sourceLocus: true)
    }

    @Test func missingKeyIsNamed() throws {
        let (outcome, scratch) = try renderFile(Self.goodFile.replacingOccurrences(of: "start = [-1.5, 1.5]", with: ""))
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:", "start"], sourceLocus: true)
    }

    @Test func illTypedKeyNamesFileLineAndColumnWithACaret() throws {
        let (outcome, scratch) = try renderFile(Self.goodFile.replacingOccurrences(of: "start = [-1.5, 1.5]", with: "start = \"left\""))
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:4:", "start"], sourceLocus: true)
    }

    @Test func badExpressionInAFileNamesFileLineAndColumnWithACaret() throws {
        let (outcome, scratch) = try renderFile(Self.goodFile.replacingOccurrences(of: "x^2 + 3*y^2", with: "x^2 + * 3*y^2"))
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:2:"], sourceLocus: true)
    }

    /// toml++ asserted (SIGABRT) on a table header with a bad first key character; found by Fuzz/run.sh.
    @Test(arguments: ["[`omai1]\ny = [5, 1]\n", "[[ `x]]\n", "[\n", "\u{FEFF}[ `x]\n"])
    func tableHeaderWithABadKeyIsAnErrorNotAnAbort(text: String) throws {
        let (outcome, scratch) = try renderFile(text)
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:1:", "table header"], sourceLocus: true)
    }

    /// toml++ asserted (SIGABRT) on '}' closing an array; found by Fuzz/run.sh.
    @Test(arguments: ["domain = { x = [-10.0,  }\n", "minima = [\n  [1.0, 2.0],}  [3.0, 4.0],\n]\n"])
    func mismatchedBracketIsAnErrorNotAnAbort(line: String) throws {
        let (outcome, scratch) = try renderFile("name = \"n\"\nexpression = \"x^2\"\n" + line + "start = [0.5, 0.5]\n")
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:", "'}'"], sourceLocus: true)
    }

    /// The header check must not refuse valid files: nested arrays over several lines, '[' in strings and comments.
    @Test func validFileWithBracketsAtLineStartsStillLoads() throws {
        let text = Self.goodFile + "\n" + [
            "minima = [", "  [", "    0.0, 0.0", "  ],", "  [+0.0, -0.0],", "]",
            "description = \"\"\"", "[`not a header]", "\"\"\" # [`nor this",
        ].joined(separator: "\n") + "\n"
        let (outcome, scratch) = try renderFile(text)
        defer { scratch.remove() }
        #expect(outcome.status == 0, "\(outcome)")
        expectNoTrap(outcome)
    }

    @Test func badInlineExpressionHasACaret() throws {
        let outcome = try BuiltTool.run(["trajectory", "--function", "(x + y", "--optimizer", "adam", "--steps", "3"])
        expectCleanFailure(outcome, mentioning: [":1:"], sourceLocus: true)
    }

    @Test func deeplyNestedExpressionIsRefusedNotAStackOverflow() throws {
        // 50 000 levels: far past any stack a recursive descent could survive (and within one argument's 128 KiB).
        let text = String(repeating: "(", count: 50_000) + "x" + String(repeating: ")", count: 50_000)
        let outcome = try BuiltTool.run(["trajectory", "--function", text, "--optimizer", "adam", "--steps", "3"])
        expectNoTrap(outcome)
        #expect(!outcome.signalled && outcome.status != 0, "\(outcome.status)")
        #expect(outcome.standardError.contains("nested too deeply"))
    }

    @Test(arguments: [
        (["--function", "rosenbrok", "--optimizer", "adam"], "rosenbrock"),
        (["--function", "rosenbrock", "--optimizer", "adamm"], "adam"),
        (["--function", "rosenbrock", "--optimizer", "adam(lrr=0.1)"], "lr"),
    ])
    func unknownNameSuggestsTheNearest(arguments: [String], suggestion: String) throws {
        let outcome = try BuiltTool.run(["trajectory"] + arguments + ["--steps", "3"])
        expectCleanFailure(outcome, mentioning: ["'\(suggestion)'"])
    }

    @Test func unknownKeyInAFileSuggestsTheNearest() throws {
        let (outcome, scratch) = try renderFile(Self.goodFile + "\nlevls = \"log\"\n")
        defer { scratch.remove() }
        expectCleanFailure(outcome, mentioning: ["mine.toml:5:", "'levels'"], sourceLocus: true)
    }

    @Test(arguments: [
        ("adam(lr=0)", "lr"), ("adam(lr=-0.1)", "lr"), ("adam(beta1=1.0)", "beta1"), ("adam(beta2=-0.1)", "beta2"),
        ("adam(eps=-1e-8)", "eps"),
    ])
    func valueOutOfRangeIsRefused(spec: String, key: String) throws {
        let outcome = try BuiltTool.run(["trajectory", "--function", "rosenbrock", "--optimizer", spec, "--steps", "3"])
        expectCleanFailure(outcome, mentioning: [key])
    }

    @Test(arguments: ["0", "-5"])
    func stepsBelowOneAreRefused(steps: String) throws {
        let outcome = try BuiltTool.run(["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps=\(steps)"])
        expectCleanFailure(outcome, mentioning: ["--steps"])
    }

    /// A start point of the wrong length says how many coordinates to give, with an example.
    @Test func startOfTheWrongLengthShowsAFix() throws {
        let outcome = try BuiltTool.run(["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--start=1"])
        expectCleanFailure(outcome, mentioning: ["--start has 1 coordinates", "rosenbrock has 2", "--start=-2.0,2.0"])
    }

    /// Absurdly many steps are refused before any work, with the limit in the message.
    @Test func absurdStepsAreCappedWithAMessage() throws {
        let started = Date()
        let outcome = try BuiltTool.run(["trajectory", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "1000000000000"])
        expectCleanFailure(outcome, mentioning: ["--steps", "1000000"])
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func startOutsideTheDomainWarnsAndStillDraws() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let image = scratch.file("outside.png")
        let outcome = try BuiltTool.run([
            "render", "--function", "rosenbrock", "--optimizer", "adam(lr=0.05)", "--start=5,5", "--steps", "20",
            "--size", "320x240", "--output", image.path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        expectNoTrap(outcome)
        #expect(outcome.standardError.contains("warning") && outcome.standardError.contains("outside"), "\(outcome)")
        #expect(try pngSize(image) == [320, 240])
    }

    @Test(arguments: [("0x200", "size"), ("200x0", "size"), ("20000x100", "16384"), ("9000x9000", "megapixel"), ("-5x10", "size")])
    func imageSizeOutOfRangeIsRefused(size: String, fragment: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "render", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "3", "--size=\(size)",
            "--output", scratch.file("x.png").path,
        ])
        expectCleanFailure(outcome, mentioning: [fragment])
        #expect(scratch.files().isEmpty)
    }
}

/// The PNG's width and height, read from its header.
func pngSize(_ url: URL) throws -> [Int] {
    let data = try Data(contentsOf: url)
    try #require(data.count > 24 && data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG: \(url.path)")
    func word(_ offset: Int) -> Int { data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
    return [word(16), word(20)]
}
