import Foundation
import Testing
@testable import Objectives

@Suite struct ExpressionObjectiveTests {
    private func evaluate(_ text: String, _ x: Double, _ y: Double) throws -> (value: Double, gradient: [Double]) {
        let f = try ExpressionObjective(text)
        var gradient = [Double.nan, .nan]
        let value = f.valueAndGradient(at: [x, y], into: &gradient)
        #expect(value.bitPattern == f.value(at: [x, y]).bitPattern, "value-only and value+gradient agree for \(text)")
        return (value, gradient)
    }

    @Test func rosenbrockValueAndGradient() throws {
        let (value, gradient) = try evaluate("(1-x)^2 + 100*(y-x^2)^2", -2, 2)
        #expect(value == 409)
        #expect(gradient == [-1606, -400])
    }

    @Test func valuesRoundAsTheWrittenFormula() throws {
        let x = 0.7853981633974483, y = -1.2345678901234567
        let rastrigin = 20 + (x * x - 10 * cos(2 * Double.pi * x)) + (y * y - 10 * cos(2 * Double.pi * y))
        #expect(try evaluate("20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))", x, y).value == rastrigin)
        #expect(try evaluate("x^3", x, y).value == x * x * x)
        #expect(try evaluate("x^-2", x, y).value == 1 / (x * x))
        #expect(try evaluate("x^-1", x, y).value == 1 / x)
        #expect(try evaluate("x^0.5", x, y).value == x.squareRoot())
        #expect(try evaluate("x^1.7", x, y).value == pow(x, 1.7))
        #expect(try evaluate("x^4", x, y).value == pow(x, 4))
        #expect(try evaluate("3/x", x, y).value == (1 / x) * 3)
        #expect(try evaluate("x/3", x, y).value == x / 3)
        #expect(try evaluate("x - 3", x, y).value == x - 3)
        #expect(try evaluate("2^x", x, y).value == pow(2, x))
        #expect(try evaluate("abs(y) + tanh(x) + tan(x) + exp(y) + log(x) + sqrt(x) + sin(y)", x, y).value
            == abs(y) + tanh(x) + tan(x) + exp(y) + log(x) + x.squareRoot() + sin(y))
    }

    @Test func powerDerivativesFollowTorch() throws {
        let x = 1.3
        #expect(try evaluate("x^2", x, 0).gradient == [2 * x, 0])
        #expect(try evaluate("x^3", x, 0).gradient == [3 * (x * x), 0])
        #expect(try evaluate("x^0", x, 0) == (1, [0, 0]))
        #expect(try evaluate("x^1", x, 0) == (x, [1, 0]))
        #expect(try evaluate("x^2.5", x, 0).gradient == [2.5 * pow(x, 1.5), 0])
        // x^y: ∂/∂x = y·x^(y−1), ∂/∂y = x^y·log x; at x = 0 with y ≥ 0 the second is 0, as in torch.
        let (value, gradient) = try evaluate("x^y", 2, 3)
        #expect(value == 8)
        #expect(gradient == [3 * pow(2, 2), 8 * log(2.0)])
        #expect(try evaluate("x^y", 0, 2).gradient == [0, 0])
        #expect(try evaluate("x^y", 3, 0).gradient == [0, 1 * log(3.0)])
    }

    @Test func absHasGradientZeroAtZeroLikeTorch() throws {
        #expect(try evaluate("abs(x)", 0, 0).gradient == [0, 0])
        #expect(try evaluate("abs(x)", -2, 0).gradient == [-1, 0])
        #expect(try evaluate("abs(x)", 2, 0).gradient == [1, 0])
    }

    @Test func aPartialThatCannotExistStaysZero() throws {
        // sqrt'(0) is infinite; ∂/∂x of sqrt(y) must still be exactly 0, not 0·∞ = NaN.
        let (value, gradient) = try evaluate("sqrt(y) + x", 2, 0)
        #expect(value == 2)
        #expect(gradient[0] == 1)
        #expect(gradient[1] == .infinity)
        #expect(try evaluate("y * (1/x)", 0, 1).gradient[0] == -.infinity)
    }

    @Test func constantsAreFoldedAndRepeatsShared() throws {
        #expect(try ExpressionObjective("2*pi*x").instructionCount == 1)
        #expect(try ExpressionObjective("(1-x)^2 + 100*(y-x^2)^2").instructionCount == 7)
        #expect(try ExpressionObjective("x^2 + x^2").instructionCount == 2)
        let constant = try ExpressionObjective("sqrt(4) + 2^3")
        var gradient = [Double.nan, .nan]
        #expect(constant.valueAndGradient(at: [5, 7], into: &gradient) == 10)
        #expect(gradient == [0, 0])
    }

    /// Random expressions over every operation, checked against a 6th-order finite difference.
    @Test func gradientsMatchFiniteDifferences() throws {
        let expressions = [
            "sin(x*y) + cos(x - y) * tan(0.3*x)",
            "exp(-x^2 - y^2) * log(2 + x^2) + sqrt(1 + y^2)",
            "tanh(x)*abs(y - 3) - x/(2 + y^2) + 3/(4 + x^2)",
            "(x^2 + y^2)^0.75 + (2 + x^2)^(0.5*y) + 2^(x*y) - -x^3 + x^-2",
            "e^x * pi - (x*y)^3 / 7 + (1 + x^2)^-1",
        ]
        var generator = SeededGenerator(seed: 42)
        for text in expressions {
            let f = try ExpressionObjective(text)
            for _ in 0..<40 {
                let point = [Double.random(in: 0.3...1.7, using: &generator), Double.random(in: -1.5...1.5, using: &generator)]
                var gradient = [0.0, 0.0]
                _ = f.valueAndGradient(at: point, into: &gradient)
                let expected = finiteDifferenceGradient(f, at: point)
                for i in 0..<2 {
                    #expect(abs(gradient[i] - expected[i]) <= 1e-7 * max(1, abs(expected[i])), "\(text) at \(point), ∂\(i)")
                }
            }
        }
    }

    @Test func gridMatchesPointwiseValuesBitForBit() throws {
        let expressions = [
            "(1-x)^2 + 100*(y-x^2)^2", "20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))",
            "x", "y", "7", "log(x) + 1/y", "sqrt(y - x) * x^y", "sin(x) + cos(y)",
        ]
        let xs = stride(from: -2.0, through: 2.0, by: 0.37).map { $0 }
        let ys = stride(from: -1.0, through: 3.0, by: 0.29).map { $0 } + [0]
        for text in expressions {
            let f = try ExpressionObjective(text)
            let grid = f.values(onGridX: xs, y: ys)
            #expect(grid.count == xs.count * ys.count)
            var mismatches = 0
            for (j, y) in ys.enumerated() {
                for (i, x) in xs.enumerated() {
                    let expected = f.value(at: [x, y])
                    let actual = grid[j * xs.count + i]
                    if !(expected.bitPattern == actual.bitPattern || (expected.isNaN && actual.isNaN)) { mismatches += 1 }
                }
            }
            #expect(mismatches == 0, "\(text)")
        }
        #expect(try ExpressionObjective("x*y").values(onGridX: [], y: [1]).isEmpty)
    }

    /// Found by fuzzing: unary operations once built their operand twice, 2^depth work.
    @Test(.timeLimit(.minutes(1))) func longUnaryChainsCompileInLinearTime() throws {
        let chain = try ExpressionObjective(String(repeating: "-sin(", count: 99) + "x" + String(repeating: ")", count: 99))
        var gradient = [0.0, 0.0]
        #expect(chain.valueAndGradient(at: [0.5, 0], into: &gradient).isFinite)
        let minus = try ExpressionObjective(String(repeating: "-", count: 190) + "y")
        #expect(minus.valueAndGradient(at: [0, 3], into: &gradient) == 3)
        #expect(gradient == [0, 1])
    }

    @Test func gridKeepsNonFiniteValues() throws {
        let grid = try ExpressionObjective("log(x) + 1/y").values(onGridX: [-1, 1], y: [0, 1])
        #expect(grid[0].isNaN)
        #expect(grid[1] == .infinity)
        #expect(grid[2].isNaN)
        #expect(grid[3] == 1)
    }
}
