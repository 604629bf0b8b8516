import Foundation
import Testing

/// Every JSON file the tool writes names its fields in camelCase: the trajectory, `verdict.json`,
/// the gallery's `metrics.json` and `lr-cache.json`, and `check`'s `report.json`.
@Suite struct JSONKeyConventionTests {
    /// The keys of every object in a JSON document, at any depth.
    static func keys(of value: Any) -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set(object.keys)) { $0.formUnion(keys(of: $1.value)) }
        }
        if let array = value as? [Any] { return array.reduce(into: []) { $0.formUnion(keys(of: $1)) } }
        return []
    }

    func expectCamelCase(_ data: Data, _ name: String) throws {
        let keys = Self.keys(of: try JSONSerialization.jsonObject(with: data))
        #expect(!keys.isEmpty, "\(name) has no keys")
        let offending = keys.filter { $0.contains("_") || $0.contains("-") || $0.first?.isUppercase == true }
        #expect(offending.isEmpty, "\(name): \(offending.sorted())")
    }

    @Test func everyJSONTheToolWritesIsCamelCase() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let trajectory = try BuiltTool.run([
            "trajectory", "--function", "rosenbrock", "--optimizer", "diffgrad(lr=0.01, clone=false)", "--steps", "5",
            "--clip-grad-norm", "10", "--param-layout", "split",
        ])
        #expect(trajectory.status == 0, "\(trajectory)")
        try expectCamelCase(Data(trajectory.standardOutput.utf8), "trajectory")

        let diagnosis = scratch.file("diagnosis")
        let diagnose = try BuiltTool.run([
            "diagnose", "--function", "rosenbrock", "--optimizer", "diffgrad(lr=0.001, clone=false)", "--steps", "30",
            "--output", diagnosis.path,
        ])
        #expect(diagnose.status == 0, "\(diagnose)")
        try expectCamelCase(try Data(contentsOf: diagnosis.appendingPathComponent("verdict.json")), "verdict.json")

        let gallery = scratch.file("gallery")
        let run = try BuiltTool.run(["gallery", "--functions", "booth", "--optimizers", "adam", "--figures", "maps", "--output", gallery.path])
        #expect(run.status == 0, "\(run)")
        for name in ["metrics.json", "lr-cache.json"] {
            try expectCamelCase(try Data(contentsOf: gallery.appendingPathComponent(name)), name)
        }

        let image = diagnosis.appendingPathComponent("paths.png").path
        let report = scratch.file("report")
        let check = try BuiltTool.run(["check", image, image, "--report", report.path])
        #expect(check.status == 0, "\(check)")
        try expectCamelCase(try Data(contentsOf: report.appendingPathComponent("report.json")), "report.json")
    }
}
