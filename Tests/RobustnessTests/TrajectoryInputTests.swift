import Foundation
import Testing

/// `--trajectory` in `render` and `curves`: a run of another dimension and malformed JSON are
/// refused as usage errors (exit 2) on one line that names the problem, and a non-finite row is
/// drawn as a divergence.
@Suite struct TrajectoryInputTests {
    static let run = #"{"function":"rosenbrock","optimizer":"torch.optim:Adam(lr=0.05)","start":[-1,1],"steps":2,"zeroGrad":"inplace","points":[[-1,1],[-0.9,0.9],[-0.8,0.8]],"losses":[4,3,2],"gradients":[[1,1],[1,1]]}"#

    func outcome(_ command: String, _ file: String, _ text: String, _ extra: [String] = []) throws -> (BuiltTool.Outcome, ScratchFolder) {
        let scratch = try ScratchFolder()
        let path = try scratch.write(file, text).path
        let outcome = try BuiltTool.run(
            [command, "--function", "rosenbrock", "--trajectory", path, "--output", scratch.file("out.png").path] + extra)
        return (outcome, scratch)
    }

    @Test(arguments: ["render", "curves"])
    func aRecordedRunIsDrawnWithItsLabel(_ command: String) throws {
        let (outcome, scratch) = try outcome(command, "run.json", Self.run)
        defer { scratch.remove() }
        #expect(outcome.status == 0, "\(outcome)")
        #expect(FileManager.default.fileExists(atPath: scratch.file("out.png").path))
    }

    @Test(arguments: ["render", "curves"])
    func malformedJSONNamesTheField(_ command: String) throws {
        let broken = Self.run.replacingOccurrences(of: #"[-0.9,0.9]"#, with: #"[-0.9,"x"]"#)
        let (outcome, scratch) = try outcome(command, "run.json", broken)
        defer { scratch.remove() }
        expectCleanFailure(outcome, status: 2, mentioning: ["run.json", "field 'points[1][1]'", "expected a number"])
        #expect(!outcome.standardError.contains("DecodingError"))
    }

    @Test(arguments: ["render", "curves"])
    func aRunOfAnotherDimensionIsRefused(_ command: String) throws {
        let (outcome, scratch) = try outcome(command, "run.csv", "x1,x2,x3\n0,0,0\n1,1,1\n")
        defer { scratch.remove() }
        expectCleanFailure(outcome, status: 2, mentioning: ["run.csv", "3 dimensions", "2 variables"])
    }

    @Test(arguments: ["render", "curves"])
    func aNonFiniteRowIsADivergence(_ command: String) throws {
        let (outcome, scratch) = try outcome(command, "run.csv", "x,y\n-1,1\n-0.9,0.9\ninf,0\n0,0\n")
        defer { scratch.remove() }
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardError.contains("diverged at step 2"), "\(outcome)")
    }
}
