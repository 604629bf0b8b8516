import ArgumentParser
import Foundation
import Testing
@testable import TrajVizCLI

/// `trajviz diagnose` end to end: runs recorded with `trajviz trajectory --output`, then diagnosed.
@Suite struct DiagnoseCommandTests {
    private func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-diagnose-\(UUID().uuidString)")
    }

    private func record(_ optimizer: String, zeroGrad: String, into folder: URL, name: String) throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(name).json").path
        var command = try TrajVizCommand.parseAsRoot(
            ["trajectory", "--function", "rosenbrock", "--optimizer", optimizer, "--zero-grad", zeroGrad, "--steps", "80", "--output", path])
        try command.run()
        return path
    }

    private func verdict(_ arguments: [String], output: URL) throws -> [String: Any] {
        var command = try TrajVizCommand.parseAsRoot(["diagnose"] + arguments + ["--output", output.path])
        try command.run()
        let data = try Data(contentsOf: output.appendingPathComponent("verdict.json"))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    @Test func recordedRunsGetTheirFinding() throws {
        let work = folder()
        let aliased = try record("diffgrad(lr=0.01, clone=false)", zeroGrad: "inplace", into: work, name: "aliased")
        let cloned = try record("diffgrad(lr=0.01, clone=true)", zeroGrad: "inplace", into: work, name: "cloned")
        #expect(try verdict(["--trajectory", aliased], output: work.appendingPathComponent("a"))["finding"] as? String == "aliasing")
        #expect(try verdict(["--trajectory", cloned], output: work.appendingPathComponent("c"))["finding"] as? String == "no-aliasing")
        let both = work.appendingPathComponent("both")
        let report = try verdict(["--trajectory", aliased, "--trajectory", cloned], output: both)
        let findings = (report["variants"] as! [[String: Any]]).map { $0["finding"] as! String }
        #expect(findings == ["aliasing", "no-aliasing"])
        #expect(FileManager.default.fileExists(atPath: both.appendingPathComponent("comparison.png").path))
    }

    @Test func aDivergedBuiltInRunIsReported() throws {
        let report = try verdict(["--function", "rosenbrock", "--optimizer", "diffrgrad(lr=0.01, clone=false)"], output: folder())
        let variants = report["variants"] as! [[String: Any]]
        #expect(variants.allSatisfy { $0["divergedAtStep"] is Int && $0["warning"] is String })
        #expect(!(report["warnings"] as! [String]).isEmpty)
    }

    @Test(arguments: [
        ["--function", "rosenbrock"],
        ["--function", "rosenbrock", "--optimizer", "diffgrad", "--trajectory", "a.json"],
        ["--trajectory", "a.json", "--trajectory", "b.json", "--trajectory", "c.json"],
        ["--optimizer", "diffgrad"],
    ])
    func refusesMismatchedInputsAsAUsageError(arguments: [String]) throws {
        var command = try TrajVizCommand.parseAsRoot(["diagnose"] + arguments)
        #expect(throws: UsageError.self) { try command.run() }
    }
}
