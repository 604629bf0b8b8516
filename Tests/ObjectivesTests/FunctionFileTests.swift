import Testing
@testable import Objectives

@Suite struct FunctionFileTests {
    private let valid = """
        name = "bowl"
        title = "Bowl"
        expression = "x^2 + y^2"
        domain = { x = [-2, 2], y = [-1.5, 1.5] }
        minima = [[0, 0]]
        start = [1.0, -1.0]
        levels = "log"
        """

    private func error(_ text: String) -> String? {
        do {
            _ = try FunctionFile.parse(text, sourceName: "bowl.toml", origin: .inline)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func validFileLoads() throws {
        let definition = try FunctionFile.parse(valid, sourceName: "bowl.toml", origin: .file(path: "bowl.toml"))
        #expect(definition.name == "bowl")
        #expect(definition.title == "Bowl")
        #expect(definition.domain == Domain(x: -2...2, y: -1.5...1.5))
        #expect(definition.minima == [[0, 0]])
        #expect(definition.start == [1, -1])
        #expect(definition.levelScale == .log)
        #expect(definition.objective.value(at: [3, 4]) == 25)
    }

    @Test func optionalKeysHaveDefaults() throws {
        let definition = try FunctionFile.parse("name = \"f\"\nexpression = \"x*y\"\nstart = [1, 2]\n", sourceName: "f.toml", origin: .inline)
        #expect(definition.title == "f")
        #expect(definition.domain == nil)
        #expect(definition.minima.isEmpty)
        #expect(definition.levelScale == .linear)
    }

    @Test func badExpressionPointsIntoTheFile() {
        let text = valid.replacingOccurrences(of: "x^2 + y^2", with: "x^2 + sinn(y)")
        #expect(error(text) == """
            bowl.toml:3:21: unknown function 'sinn' (did you mean 'sin'?)
            expression = "x^2 + sinn(y)"
                                ^~~~
            """)
    }

    @Test func badExpressionInAMultiLineStringPointsIntoTheFile() {
        let text = valid.replacingOccurrences(of: "\"x^2 + y^2\"", with: "\"\"\"\nx^2 +\n  (y\n\"\"\"")
        #expect(error(text) == """
            bowl.toml:5:3: unbalanced '(': missing ')' before end of input
              (y
              ^
            """)
    }

    @Test func malformedTOML() {
        let text = valid.replacingOccurrences(of: "start = [1.0, -1.0]", with: "start = [1.0, -1.0")
        let message = error(text) ?? ""
        #expect(message.hasPrefix("bowl.toml:7:1: malformed TOML: "), "\(message)")
        #expect(message.hasSuffix("\nlevels = \"log\"\n^"), "\(message)")
    }

    @Test(arguments: [
        ("expression = \"x^2 + y^2\"\n", "", "bowl.toml:1:1: missing key 'expression'\nname = \"bowl\"\n^"),
        ("start = [1.0, -1.0]", "start = \"(1, -1)\"", "bowl.toml:6:9: 'start' must be a point [x, y] of two numbers\nstart = \"(1, -1)\"\n        ^~~~~~~~~"),
        ("start = [1.0, -1.0]", "start = [1.0, -1.0, 2.0]", "bowl.toml:6:9: 'start' must be a point [x, y] of two numbers\nstart = [1.0, -1.0, 2.0]\n        ^~~~~~~~~~~~~~~~"),
        ("start = [1.0, -1.0]", "start = [1.0, nan]", "bowl.toml:6:9: 'start' must have finite coordinates\nstart = [1.0, nan]\n        ^~~~~~~~~~"),
        ("title = \"Bowl\"", "title = 3", "bowl.toml:2:9: 'title' must be a string in quotes, not an integer\ntitle = 3\n        ^"),
        ("levels = \"log\"", "levels = \"logarithmic\"", "bowl.toml:7:10: 'levels' must be \"log\" or \"linear\", not \"logarithmic\"\nlevels = \"logarithmic\"\n         ^~~~~~~~~~~~~"),
        ("levels = \"log\"", "levls = \"log\"", "bowl.toml:7:1: unknown key 'levls' (did you mean 'levels'?)\nlevls = \"log\"\n^~~~~"),
        ("minima = [[0, 0]]", "minima = [0, 0]", "bowl.toml:5:10: 'minima' must be a point [x, y] of two numbers\nminima = [0, 0]\n         ^~~~~~"),
        ("minima = [[0, 0]]", "minima = 0", "bowl.toml:5:10: 'minima' must be a list of points, as in [[1.0, 1.0]] (or [] for none)\nminima = 0\n         ^"),
        ("domain = { x = [-2, 2], y = [-1.5, 1.5] }", "domain = { x = [2, -2], y = [-1.5, 1.5] }", "bowl.toml:4:16: 'domain.x' must be finite with min < max, not [2.0, -2.0]\ndomain = { x = [2, -2], y = [-1.5, 1.5] }\n               ^~~~~~~~~~~~~~~~~~~~~~~~~~"),
        ("domain = { x = [-2, 2], y = [-1.5, 1.5] }", "domain = { x = [-2, 2] }", "bowl.toml:4:1: missing key 'domain.y'\ndomain = { x = [-2, 2] }\n^~~~~~"),
        ("domain = { x = [-2, 2], y = [-1.5, 1.5] }", "domain = { x = [-2, 2], y = [-1, 1], z = [0, 1] }", "bowl.toml:4:38: unknown key 'domain.z': the domain has x and y\ndomain = { x = [-2, 2], y = [-1, 1], z = [0, 1] }\n                                     ^"),
        ("name = \"bowl\"", "name = \"my bowl\"", "bowl.toml:1:8: 'name' must be letters, digits, '-' and '_', as in \"my-function\"\nname = \"my bowl\"\n       ^~~~~~~~~"),
    ])
    func keyErrorsPointAtTheKey(replacing: String, with replacement: String, expected: String) {
        #expect(error(valid.replacingOccurrences(of: replacing, with: replacement)) == expected)
    }

    /// Found by fuzzing: toml++ (inside TOMLKit) asserts on a table header without a key.
    @Test(arguments: ["[=]\nname = 1", "[[ =]]", "[é]", "x = 1\n  [ +]"])
    func tableHeaderWithoutAKeyIsAnErrorNotATrap(text: String) {
        #expect(error(text)?.hasPrefix("bowl.toml:") == true)
        #expect(error(text)?.contains("malformed TOML: a table header needs a key, as in [domain]") == true)
    }

    /// Found by fuzzing: toml++ asserts on '}' where an array value belongs.
    @Test(arguments: ["minima = [[1.0, }}]]", "a = [ # comment\n}", "a = [1, }"])
    func closingBraceInAnArrayIsAnErrorNotATrap(text: String) {
        #expect(error(text)?.contains("malformed TOML: '}' where an array value or ']' belongs") == true)
    }

    /// Found by fuzzing: some toml++ descriptions span two lines.
    @Test func malformedTOMLMessagesAreOneLine() throws {
        let text = "domain =n\nde;criptio { x = [-10.0, 10.0] }\n"
        do {
            _ = try FunctionFile.parse(text, sourceName: "f.toml", origin: .inline)
            Issue.record("expected an error")
        } catch {
            #expect(error.message.hasPrefix("malformed TOML: "))
            #expect(!error.message.contains("\n"))
            #expect(error.location?.line == 1)
        }
    }

    @Test func bracketsInsideValuesAndStringsAreNotHeaders() throws {
        let text = valid.replacingOccurrences(of: "minima = [[0, 0]]", with: "minima = [\n  [+0.0, 0],\n  [-0.0, 0]\n]")
            .replacingOccurrences(of: "title = \"Bowl\"", with: "title = \"\"\"\n[=] not a header\n\"\"\"")
        let definition = try FunctionFile.parse(text, sourceName: "bowl.toml", origin: .inline)
        #expect(definition.minima.count == 2)
        #expect(definition.title == "[=] not a header\n")
    }

    @Test func domainAsATableSection() throws {
        let text = valid.replacingOccurrences(of: "domain = { x = [-2, 2], y = [-1.5, 1.5] }\n", with: "")
            + "\n[domain]\nx = [-2, 2]\ny = [3, 1]\n"
        #expect(error(text) == "bowl.toml:9:5: 'domain.y' must be finite with min < max, not [3.0, 1.0]\ny = [3, 1]\n    ^~~~~~")
    }

    @Test func unreadableFileIsAnError() {
        #expect(throws: ObjectiveError.self) { try FunctionFile.load(path: "/nonexistent/bowl.toml") }
    }

    /// toml++ aborts the process on these (found by Fuzz/run.sh): they must be errors first.
    @Test(arguments: ["nae =     [5.6,\u{85}", "a = [1,\u{2028}]", "\u{2029}"])
    func unicodeLineSeparatorsAreRefusedBeforeTOMLKit(_ text: String) {
        #expect(throws: ObjectiveError.self) { try FunctionFile.parse(text, sourceName: "f.toml", origin: .inline) }
    }
}
