import Testing
@testable import Objectives

@Suite struct ExpressionParserTests {
    private func grouping(_ text: String) throws -> String {
        try ExpressionSyntax.parse(text).description
    }

    @Test func precedenceAndAssociativity() throws {
        #expect(try grouping("1 + 2 * 3") == "(1.0 + (2.0 * 3.0))")
        #expect(try grouping("1 - 2 - 3") == "((1.0 - 2.0) - 3.0)")
        #expect(try grouping("8 / 4 / 2") == "((8.0 / 4.0) / 2.0)")
        #expect(try grouping("2 ^ 3 ^ 2") == "(2.0 ^ (3.0 ^ 2.0))")
        #expect(try grouping("-x^2") == "(-(x ^ 2.0))")
        #expect(try grouping("x^-2") == "(x ^ (-2.0))")
        #expect(try grouping("-x * y") == "((-x) * y)")
        #expect(try grouping("--x") == "(-(-x))")
        #expect(try grouping("+x") == "x")
        #expect(try grouping("2 * (x + y)") == "(2.0 * (x + y))")
        #expect(try grouping("x*y^2") == "(x * (y ^ 2.0))")
        #expect(try grouping("(1-x)^2 + 100*(y-x^2)^2") == "(((1.0 - x) ^ 2.0) + (100.0 * ((y - (x ^ 2.0)) ^ 2.0)))")
    }

    @Test func numbersConstantsAndFunctions() throws {
        #expect(try grouping("1e-3 + 2.5E+2 + .5 + 3.") == "(((0.001 + 250.0) + 0.5) + 3.0)")
        #expect(try grouping("pi * e") == "(pi * e)")
        for function in MathFunction.allCases {
            #expect(try grouping("\(function.rawValue)(x + 1)") == "\(function.rawValue)((x + 1.0))")
        }
    }

    @Test func rangesPointIntoTheSource() throws {
        let tree = try ExpressionSyntax.parse("  sin(x) * (y) ")
        #expect(tree.range == 2..<14)
        guard case .binary(.multiply, let left, let right) = tree.kind else {
            Issue.record("expected a product")
            return
        }
        #expect(left.range == 2..<8)
        #expect(right.range == 11..<14)
    }

    @Test(arguments: [
        ("sinn(x)", "expression:1:1: unknown function 'sinn' (did you mean 'sin'?)\nsinn(x)\n^~~~"),
        ("x + foo(y)", "expression:1:5: unknown function 'foo'; the functions are sin, cos, tan, exp, log, sqrt, abs, tanh\nx + foo(y)\n    ^~~"),
        ("x + z", "expression:1:5: unknown name 'z'; the variables are x and y, the constants pi and e\nx + z\n    ^"),
        ("2*pii", "expression:1:3: unknown name 'pii' (did you mean 'pi'?)\n2*pii\n  ^~~"),
        ("sin(x, y)", "expression:1:1: sin takes 1 argument, got 2\nsin(x, y)\n^~~~~~~~~"),
        ("cos()", "expression:1:1: cos takes 1 argument, got 0\ncos()\n^~~~~"),
        ("sqrt x", "expression:1:1: function 'sqrt' needs an argument in parentheses, as in sqrt(x)\nsqrt x\n^~~~"),
        ("(x + y", "expression:1:1: unbalanced '(': missing ')' before end of input\n(x + y\n^"),
        ("x + y)", "expression:1:6: unbalanced ')': no '(' to close\nx + y)\n     ^"),
        ("x +", "expression:1:4: expected an operand after '+', found end of input\nx +\n   ^"),
        ("x * * y", "expression:1:5: unexpected '*': use '^' for powers, as in x^2\nx * * y\n    ^"),
        ("x ** 2", "expression:1:4: unexpected '*': use '^' for powers, as in x^2\nx ** 2\n   ^"),
        ("2x", "expression:1:2: expected an operator before 'x' (multiplication needs '*')\n2x\n ^"),
        ("x(2)", "expression:1:1: 'x' is not a function (multiplication needs '*')\nx(2)\n^"),
        ("", "expression:1:1: empty expression: write a function of x and y, such as x^2 + y^2\n\n^"),
        ("   ", "expression:1:1: empty expression: write a function of x and y, such as x^2 + y^2\n   \n^"),
        ("()", "expression:1:1: empty parentheses\n()\n^~"),
        ("1e+", "expression:1:1: malformed number '1e+': the exponent needs digits, as in 1e-3\n1e+\n^~~"),
        ("1.2.3", "expression:1:1: malformed number '1.2.3'\n1.2.3\n^~~~~"),
        ("1e999", "expression:1:1: number '1e999' is too large for a double\n1e999\n^~~~~"),
        ("x $ y", "expression:1:3: unexpected character '$'\nx $ y\n  ^"),
        ("x × y", "expression:1:3: unexpected character '×' (use '*')\nx × y\n  ^"),
        ("x +\n  bad", "expression:2:3: unknown name 'bad'; the variables are x and y, the constants pi and e\n  bad\n  ^~~"),
        ("\tsinn(x)", "expression:1:2: unknown function 'sinn' (did you mean 'sin'?)\n\tsinn(x)\n\t^~~~"),
    ])
    func errorsNameLineColumnWithACaret(text: String, expected: String) {
        #expect(parseError(text)?.description == expected)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
        #expect(parseError(deep)?.message == "expression is nested too deeply (more than 200 levels); simplify it")
        let minus = String(repeating: "-", count: 10_000) + "x"
        #expect(parseError(minus)?.message == "expression is nested too deeply (more than 200 levels); simplify it")
        let longSum = Array(repeating: "x", count: 10_000).joined(separator: "+")
        #expect(parseError(longSum)?.message == "expression is nested too deeply (more than 200 levels); simplify it")
        let fine = Array(repeating: "x", count: 150).joined(separator: "+")
        #expect(parseError(fine) == nil)
    }
}

@Suite struct ExpressionSyntaxLayoutTests {
    /// A syntax tree's case lives in a tag byte beside the payload, not in spare bits of its box
    /// pointers, so LeakSanitizer can follow a tree held by a global (an all-`indirect` `Kind` is
    /// 8 bytes, its case hidden in the pointer's high bits, and was reported as leaked).
    @Test func kindKeepsItsCaseOutsideThePointers() {
        #expect(MemoryLayout<ExpressionSyntax.Kind>.size == MemoryLayout<UnsafeRawPointer>.size + 1)
    }
}
