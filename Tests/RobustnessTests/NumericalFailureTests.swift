import Foundation
import ImageDiff
import Testing

/// Numbers that go wrong give masked cells and a message, never a crash or a black picture.
@Suite struct NumericalFailureTests {
    /// The share of pixels that are near black (all channels below 24).
    static func blackShare(_ url: URL) throws -> Double {
        let image = try RGBAImage(contentsOfPNG: url)
        var black = 0
        for index in stride(from: 0, to: image.pixels.count, by: 4) where image.pixels[index] < 24 && image.pixels[index + 1] < 24 && image.pixels[index + 2] < 24 {
            black += 1
        }
        return Double(black) / Double(image.width * image.height)
    }

    /// The number of distinct colours, a coarse check that a field was drawn.
    static func colourCount(_ url: URL) throws -> Int {
        let image = try RGBAImage(contentsOfPNG: url)
        var colours = Set<UInt32>()
        for index in stride(from: 0, to: image.pixels.count, by: 4) {
            colours.insert(UInt32(image.pixels[index]) << 16 | UInt32(image.pixels[index + 1]) << 8 | UInt32(image.pixels[index + 2]))
        }
        return colours.count
    }

    /// log(x) is NaN for x < 0 and 1/x infinite at 0: half the domain is masked, the rest drawn.
    @Test(arguments: ["log(x) + y^2", "1/x + y^2"])
    func nonFiniteCellsAreMaskedNotBlack(expression: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let image = scratch.file("masked.png")
        let outcome = try BuiltTool.run([
            "render", "--function", expression, "--domain=-2,2,-2,2", "--start=1.5,1.5", "--optimizer", "adam(lr=0.05)",
            "--steps", "30", "--size", "400x320", "--output", image.path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        expectNoTrap(outcome)
        #expect(try pngSize(image) == [400, 320])
        #expect(try Self.blackShare(image) < 0.2)
        #expect(try Self.colourCount(image) > 50)
    }

    /// sqrt(x) at x < 0 is NaN from the very first step: the run stops, says so, and the map is drawn.
    @Test func optimizerProducingNaNAtTheFirstStep() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let image = scratch.file("nan.png")
        let outcome = try BuiltTool.run([
            "render", "--function", "sqrt(x) + y^2", "--domain=-2,2,-2,2", "--start=-1,1", "--optimizer", "adam(lr=0.05)",
            "--steps", "30", "--size", "400x320", "--output", image.path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        expectNoTrap(outcome)
        #expect(outcome.standardError.contains("diverged at step 1"), "\(outcome)")
        #expect(try pngSize(image) == [400, 320])
        #expect(try Self.blackShare(image) < 0.2)
        #expect(try Self.colourCount(image) > 50)
    }

    /// An enormous learning rate overflows to infinity: drawn as diverged, with a message.
    @Test func overflowingRunIsDrawnAsDiverged() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let image = scratch.file("overflow.png")
        let outcome = try BuiltTool.run([
            "render", "--function", "rosenbrock", "--optimizer", "sgd(lr=1e300)", "--steps", "30", "--size", "400x320",
            "--output", image.path,
        ])
        #expect(outcome.status == 0, "\(outcome)")
        expectNoTrap(outcome)
        #expect(outcome.standardError.contains("diverged"), "\(outcome)")
        #expect(try pngSize(image) == [400, 320])
    }

    /// A subnormal domain or a nearly constant field once trapped converting an infinite tick count to Int.
    @Test(arguments: [["--function", "x+y", "--domain=0,5e-324,0,1e-323"], ["--function", "1e-320*x + 1e-321*y"]])
    func degenerateRangesDoNotTrap(arguments: [String]) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run(
            ["render"] + arguments + ["--optimizer", "adam", "--steps", "5", "--size", "300x200", "--output", scratch.file("tiny.png").path])
        expectNoTrap(outcome)
        #expect(!outcome.signalled, "\(outcome)")
        if outcome.status != 0 { expectCleanFailure(outcome, mentioning: []) }
    }
}
