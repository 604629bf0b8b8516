import Foundation
import Testing

/// Sizes too small for the figure and levels the function's values do not allow are usage
/// errors (exit 2, one line that says how to fix them); nothing is written.
@Suite struct FigureSizeTests {
    @Test(arguments: ["1x1", "10x10", "100x80", "220x90"])
    func aSizeTooSmallForTheFigureIsRefusedWithTheMinimum(size: String) throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let arguments = ["render", "--function", "rosenbrock", "--optimizer", "adam", "--optimizer", "sgd(lr=0.001)", "--steps", "5"]
        let outcome = try BuiltTool.run(arguments + ["--size", size, "--output", scratch.file("x.png").path])
        expectCleanFailure(outcome, status: 2, mentioning: ["--size \(size)", "too small", "at least"])
        #expect(scratch.files().isEmpty)
        // The size the message names draws.
        let suggested = try #require(outcome.standardError.firstMatch(of: /use --size (\d+)x(\d+)/), "\(outcome)")
        let drawn = scratch.file("y.png")
        let retry = try BuiltTool.run(arguments + ["--size", "\(suggested.1)x\(suggested.2)", "--output", drawn.path])
        #expect(retry.status == 0, "\(retry)")
        #expect(try pngSize(drawn) == [Int(suggested.1)!, Int(suggested.2)!])
    }

    @Test func curvesRefuseASizeTooSmallToo() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let outcome = try BuiltTool.run([
            "curves", "--function", "rosenbrock", "--optimizer", "adam", "--steps", "5", "--size", "120x60", "--output", scratch.file("c.png").path,
        ])
        expectCleanFailure(outcome, status: 2, mentioning: ["--size 120x60", "at least"])
        #expect(scratch.files().isEmpty)
    }

    @Test func logLevelsOnNegativeValuesNameSymlog() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let arguments = ["render", "--function", "styblinski-tang", "--optimizer", "adam", "--steps", "5"]
        let refused = try BuiltTool.run(arguments + ["--levels", "log", "--output", scratch.file("log.png").path])
        expectCleanFailure(refused, status: 2, mentioning: ["negative", "--levels symlog"])
        let drawn = try BuiltTool.run(arguments + ["--levels", "symlog", "--output", scratch.file("symlog.png").path])
        #expect(drawn.status == 0, "\(drawn)")
    }
}
