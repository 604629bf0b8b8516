import Testing
@testable import Objectives

/// Every kind of nesting is bounded by one limit, `ExpressionParser.maximumHeight`: just under
/// it an expression parses and every recursive consumer of the tree (compiling, the reverse
/// sweep, grids, printing, equality, the ahead-of-time kernel writer) handles it; past it, even
/// far past it, the parser refuses it with one message and a location near the level that
/// passed the limit, never a stack overflow.
@Suite struct NestingLimitTests {
    /// Each kind of nesting, as the text of `levels` levels around (or after) `x`.
    static let kinds: [(name: String, text: @Sendable (Int) -> String)] = [
        ("parentheses", { String(repeating: "(", count: $0) + "x" + String(repeating: ")", count: $0) }),
        ("unary minus", { String(repeating: "-", count: $0) + "x" }),
        ("unary plus", { String(repeating: "+", count: $0) + "x" }),
        ("power chain", { String(repeating: "x^", count: $0) + "2" }),
        ("negative exponents", { String(repeating: "x^-", count: $0) + "2" }),
        ("function calls", { String(repeating: "sin(", count: $0) + "x" + String(repeating: ")", count: $0) }),
        ("calls of negations", { String(repeating: "tanh(-", count: $0) + "x" + String(repeating: ")", count: $0) }),
        ("sum", { String(repeating: "x+", count: $0) + "y" }),
        ("product", { String(repeating: "x*", count: $0) + "y" }),
        ("quotient", { String(repeating: "y/", count: $0) + "x" }),
    ]

    static let limit = ExpressionParser.maximumHeight

    @Test(arguments: 0..<kinds.count)
    func justUnderTheLimitEveryConsumerWorks(kind: Int) throws {
        // Half the limit for the kinds that spend two levels per repetition.
        let levels = kind == 4 || kind == 6 ? Self.limit / 2 - 1 : Self.limit - 1
        let text = Self.kinds[kind].text(levels)
        let objective = try ExpressionObjective(text)
        var gradient = [0.0, 0.0]
        let value = objective.valueAndGradient(at: [0.5, 0.75], into: &gradient)
        #expect(value.bitPattern == objective.value(at: [0.5, 0.75]).bitPattern || value.isNaN)
        var alone = [0.0, 0.0]
        objective.gradient(at: [0.5, 0.75], into: &alone)
        #expect(alone.map(\.bitPattern) == gradient.map(\.bitPattern) || alone.contains(where: \.isNaN))
        #expect(objective.values(onGridX: [0.5, 1], y: [0.75]).count == 2)
        #expect(objective.syntax.height <= Self.limit)
        #expect(!objective.syntax.description.isEmpty)
        #expect(objective.syntax == (try ExpressionSyntax.parse(text)))
        #expect(try CompiledKernelSource.file(for: [(identifier: "deep", text: text)]).contains("deepSweep"))
        let file = "name = \"deep\"\nexpression = \"\(text)\"\nstart = [0.5, 0.75]\n"
        #expect(try FunctionFile.parse(file, sourceName: "deep.toml", origin: .inline).name == "deep")
    }

    @Test(arguments: 0..<kinds.count, [limit + 1, 15_000, 40_000])
    func pastTheLimitIsOneErrorWithALocation(kind: Int, levels: Int) throws {
        let text = Self.kinds[kind].text(levels)
        do {
            _ = try ExpressionObjective(text)
            Issue.record("\(Self.kinds[kind].name) \(levels) deep was accepted")
        } catch {
            #expect(error.message == "expression is nested too deeply (more than \(Self.limit) levels); simplify it")
            let location = try #require(error.location)
            // At the level that passed the limit, not at the end of the text.
            #expect(location.line == 1 && location.column <= 7 * (Self.limit + 2), "\(location)")
            #expect(location.excerpt.split(separator: "\n").allSatisfy { $0.count <= SourceLocation.excerptWidth + 2 })
        }
    }

    @Test(arguments: 0..<kinds.count)
    func pastTheLimitInAFunctionFileNamesTheFile(kind: Int) {
        let file = "name = \"deep\"\nexpression = \"\(Self.kinds[kind].text(15_000))\"\nstart = [0.5, 0.75]\n"
        do {
            _ = try FunctionFile.parse(file, sourceName: "deep.toml", origin: .inline)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("nested too deeply"))
            #expect(error.location?.sourceName == "deep.toml" && error.location?.line == 2)
        }
    }
}

/// TOML nesting (dotted keys, table headers, arrays, inline tables, and their mixtures) is
/// bounded by `FunctionFile.maximumNesting` before toml++ sees the text: toml++ bounds nested
/// values but not dotted keys, and freed 15,000 nested tables by recursion until the stack
/// overflowed.
@Suite struct TOMLNestingLimitTests {
    static let kinds: [(name: String, line: @Sendable (Int) -> String)] = [
        ("dotted key", { Array(repeating: "k", count: $0).joined(separator: ".") + " = 1" }),
        ("quoted dotted key", { Array(repeating: "\"k\"", count: $0).joined(separator: " . ") + " = 1" }),
        ("table header", { "[" + Array(repeating: "k", count: $0).joined(separator: ".") + "]" }),
        ("array of tables header", { "[[" + Array(repeating: "k", count: $0).joined(separator: ".") + "]]" }),
        ("arrays", { "minima = " + String(repeating: "[", count: $0 - 1) + String(repeating: "]", count: $0 - 1) }),
        ("inline tables", { "domain = " + String(repeating: "{ a = ", count: ($0 - 1) / 2) + "1" + String(repeating: " }", count: ($0 - 1) / 2) }),
        ("inline tables with dotted keys", {
            "domain = " + String(repeating: "{ a.b.c = ", count: ($0 - 1) / 4) + "1" + String(repeating: " }", count: ($0 - 1) / 4)
        }),
        ("arrays of inline tables", {
            "minima = " + String(repeating: "[{ a = ", count: ($0 - 1) / 3) + "1" + String(repeating: " }]", count: ($0 - 1) / 3)
        }),
    ]

    private func failure(_ kind: Int, levels: Int) -> ObjectiveError? {
        let text = "name = \"n\"\nexpression = \"x^2\"\nstart = [1, 1]\n" + Self.kinds[kind].line(levels) + "\n"
        do {
            _ = try FunctionFile.parse(text, sourceName: "deep.toml", origin: .inline)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: 0..<kinds.count)
    func atTheLimitTheFileGetsPastTheNestingCheck(kind: Int) {
        // Refused later for what it says (an unknown key, an ill-typed value), not for its depth.
        let message = failure(kind, levels: FunctionFile.maximumNesting)?.message ?? ""
        #expect(!message.contains("nested too deeply"), "\(message)")
    }

    @Test(arguments: 0..<kinds.count, [FunctionFile.maximumNesting + 4, 15_000, 40_000])
    func pastTheLimitIsOneErrorWithALocation(kind: Int, levels: Int) throws {
        let error = try #require(failure(kind, levels: levels))
        #expect(error.message.hasPrefix("TOML nested too deeply (more than \(FunctionFile.maximumNesting) levels"), "\(error)")
        #expect(error.location?.line == 4)
        #expect(!error.message.contains("\n"))
    }

    @Test func theCatalogsOwnNestingIsAllowed() throws {
        let text = "name = \"n\"\nexpression = \"x^2\"\nstart = [1, 1]\ndomain = { x = [-1, 1], y = [-1, 1] }\nminima = [[0, 0], [0.5, 0.5]]\n"
        #expect(try FunctionFile.parse(text, sourceName: "n.toml", origin: .inline).minima.count == 2)
    }
}
