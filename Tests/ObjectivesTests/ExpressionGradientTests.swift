import Foundation
import Testing
@testable import Objectives

/// The reverse sweep must round as PyTorch's autograd: each chain-rule product associated from
/// the output side. The forward-mode order (from the input side) is computed alongside to show
/// that the sampled points do tell the two apart.
@Suite struct ExpressionGradientTests {
    private static func points(_ count: Int) -> [(Double, Double)] {
        var generator = SeededGenerator(seed: 7)
        return (0..<count).map { _ in (Double.random(in: -5...5, using: &generator), Double.random(in: -5...5, using: &generator)) }
    }

    private static func gradient(_ text: String, _ x: Double, _ y: Double) throws -> (Double, Double) {
        let result = ExpressionGradient(try ExpressionSyntax.parse(text, sourceName: "test")).valueAndGradient(x, y)
        return (result.dx, result.dy)
    }

    @Test func rastriginAssociatesAsAutograd() throws {
        var forwardDiffers = 0
        for (x, y) in Self.points(2000) {
            let (dx, dy) = try Self.gradient("20 + (x^2 - 10*cos(2*pi*x)) + (y^2 - 10*cos(2*pi*y))", x, y)
            let u = 2 * Double.pi * x
            let autograd = 2 * x + (10 * sin(u)) * (2 * Double.pi)
            #expect(dx.bitPattern == autograd.bitPattern, "∂/∂x at \(x)")
            #expect(dy.bitPattern == (2 * y + (10 * sin(2 * Double.pi * y)) * (2 * Double.pi)).bitPattern, "∂/∂y at \(y)")
            let forward = 2 * x - ((2 * Double.pi) * -sin(u)) * 10
            if forward != autograd { forwardDiffers += 1 }
        }
        #expect(forwardDiffers > 0)
    }

    @Test func rosenbrockAssociatesAsAutograd() throws {
        var forwardDiffers = 0
        for (x, y) in Self.points(2000) {
            let (dx, dy) = try Self.gradient("(1-x)^2 + 100*(y-x^2)^2", x, y)
            let r = y - x * x
            let autograd = -(2 * (1 - x)) + (-(100 * (2 * r))) * (2 * x)
            #expect(dx.bitPattern == autograd.bitPattern, "∂/∂x at (\(x), \(y))")
            #expect(dy.bitPattern == (100 * (2 * r)).bitPattern, "∂/∂y at (\(x), \(y))")
            let forward = -(2 * (1 - x)) + (-((2 * x) * (2 * r))) * 100
            if forward != autograd { forwardDiffers += 1 }
        }
        #expect(forwardDiffers > 0)
    }

    @Test func eachOccurrenceOfARepeatedSubexpressionHasItsOwnAdjoint() throws {
        // autograd: adj(sin #2) = 1·3, adj(sin #1) = 1·2 (two nodes, no sharing), so
        // adj(x) = 3·cos x + 2·cos x, not (2 + 3)·cos x.
        var differs = 0
        for (x, _) in Self.points(2000) {
            let (dx, _) = try Self.gradient("2*sin(x) + 3*sin(x)", x, 0)
            #expect(dx.bitPattern == (3 * cos(x) + 2 * cos(x)).bitPattern, "at \(x)")
            if dx != 5 * cos(x) { differs += 1 }
        }
        #expect(differs > 0)
    }

    @Test func edgesThatDoNotExistGiveNoGradient() throws {
        #expect(try Self.gradient("log(x)^0 + x*y", 0, 2) == (2, 0))  // 1/0 of the folded log is never formed
        #expect(try Self.gradient("3", 1, 2) == (0, 0))
        #expect(try Self.gradient("y", 1, 2) == (0, 1))
        let (dx, dy) = try Self.gradient("3", 1, 2)
        #expect(dx.sign == .plus && dy.sign == .plus)
    }

    /// A random expression over every operation: constants from the special cases of
    /// `torch.pow` and the folding rules, x and y repeated so that adjoints must be summed.
    private static func randomExpression(depth: Int, using generator: inout SeededGenerator) -> String {
        let leaves = ["x", "y", "x", "y", "2", "0.5", "-1", "3", "pi", "0"]
        guard depth > 0, Int.random(in: 0..<5, using: &generator) != 0 else {
            return leaves.randomElement(using: &generator)!
        }
        func sub() -> String { randomExpression(depth: depth - 1, using: &generator) }
        switch Int.random(in: 0..<4, using: &generator) {
        case 0:
            let function = ["sin", "cos", "tan", "exp", "log", "sqrt", "abs", "tanh"].randomElement(using: &generator)!
            return "\(function)(\(sub()))"
        case 1:
            let exponent = ["2", "3", "-2", "-1", "0.5", "-0.5", "1", "0", "1.5", "y"].randomElement(using: &generator)!
            return "(\(sub()))^\(exponent)"
        case 2: return "-(\(sub()))"
        default:
            let op = ["+", "-", "*", "/", "^"].randomElement(using: &generator)!
            return "(\(sub()) \(op) \(sub()))"
        }
    }

    @Test func compiledClosuresMatchTheInterpreterBitForBit() throws {
        var generator = SeededGenerator(seed: 11)
        let points = Self.points(40) + [(0, 0), (1, -1), (-0.0, 2)]
        var compared = 0
        for _ in 0..<400 {
            let text = Self.randomExpression(depth: 5, using: &generator)
            let syntax = try ExpressionSyntax.parse(text, sourceName: "random")
            let compiled = ExpressionGradient(syntax), reference = ReferenceReverseSweep(syntax)
            for (x, y) in points {
                let a = compiled.valueAndGradient(x, y), b = reference.valueAndGradient(x, y)
                for (got, expected, what) in [(a.value, b.value, "f"), (a.dx, b.dx, "∂/∂x"), (a.dy, b.dy, "∂/∂y")] {
                    #expect(got.bitPattern == expected.bitPattern || (got.isNaN && expected.isNaN), "\(what) of \(text) at (\(x), \(y))")
                }
                #expect(compiled.value(x, y).bitPattern == a.value.bitPattern || a.value.isNaN, "value path of \(text)")
                // The gradient alone computes only the values the rules declare reading; an
                // undeclared read gets NaN and shows here.
                let alone = compiled.gradient(x, y)
                #expect(alone.dx.bitPattern == a.dx.bitPattern || (alone.dx.isNaN && a.dx.isNaN), "∂/∂x alone of \(text)")
                #expect(alone.dy.bitPattern == a.dy.bitPattern || (alone.dy.isNaN && a.dy.isNaN), "∂/∂y alone of \(text)")
                if b.dx.isFinite && b.dy.isFinite { compared += 1 }
            }
        }
        #expect(compared > 4000)
    }
}
