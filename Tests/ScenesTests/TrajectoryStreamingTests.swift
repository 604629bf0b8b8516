import Foundation
import Objectives
import Optimizers
import Testing
import Trajectories
import _AtomicWrite
@testable import Scenes

/// A streamed run is written byte for byte as the recorded run: JSON as `jsonData()` and a
/// newline, CSV as `TrajectoryCSV.text(of:)`, across functions, optimizers (with and without
/// friction), settings, and runs that diverge.
@Suite struct TrajectoryStreamingTests {
    static let functions = ["rosenbrock", "himmelblau", "x^2 + y^2", "rosenbrock-n:4", "quadratic-n:3"]
    static let optimizers = ["adam", "diffgrad(lr=0.01, clone=false)", "diffmod(lr=0.1)", "sgd(lr=0.7)", "lion(lr=0.3)"]

    @Test(arguments: functions)
    func streamedRunsAreWrittenAsRecordedRuns(function name: String) throws {
        let parts = name.split(separator: ":")
        let function = try FunctionCatalog().resolve(String(parts[0]), dimension: parts.count > 1 ? Int(parts[1]) : nil)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var diverged = 0
        for text in Self.optimizers {
            let spec = try OptimizerSpec(parsing: text)
            for configuration in [
                RunConfiguration(start: function.start, steps: 1),
                RunConfiguration(start: function.start, steps: 37),
                RunConfiguration(start: function.start, steps: 23, zeroGrad: .none, clipGradNorm: 1, layout: .split),
            ] {
                let recorded = try TrajectoryRunner.trajectory(of: function.objective, function: name, optimizer: spec, configuration: configuration)
                if recorded.divergedAtStep != nil { diverged += 1 }

                let json = try OutputFile(path: folder.appendingPathComponent("run.json").path, content: .text)
                var jsonWriter = try TrajectoryJSONWriter(output: json, hasFriction: spec.hasFriction)
                let header = try TrajectoryRunner.stream(
                    of: function.objective, function: name, optimizer: spec, configuration: configuration, into: &jsonWriter)
                try jsonWriter.finish(header)
                try json.commit()
                #expect(header.divergedAtStep == recorded.divergedAtStep)
                #expect(try Data(contentsOf: folder.appendingPathComponent("run.json")) == recorded.jsonData() + Data("\n".utf8), "\(text) \(configuration)")

                let csv = try OutputFile(path: folder.appendingPathComponent("run.csv").path, content: .text)
                var csvWriter = try TrajectoryCSV.Writer(output: csv, dimension: function.dimension, hasFriction: spec.hasFriction)
                _ = try TrajectoryRunner.stream(
                    of: function.objective, function: name, optimizer: spec, configuration: configuration, into: &csvWriter)
                try csv.commit()
                #expect(try String(contentsOf: folder.appendingPathComponent("run.csv"), encoding: .utf8) == TrajectoryCSV.text(of: recorded))
            }
        }
        if name == "rosenbrock" { #expect(diverged > 0, "the cases should include a diverging run") }
    }

    /// Recording first moments, the streamed JSON is still the recorded run's, `firstMoments`
    /// included, and its rows carry them; an optimizer that reports none streams none.
    @Test(arguments: ["adam", "sgd(lr=0.7, momentum=0.9)", "lion(lr=0.3)", "diffgrad(lr=0.01)", "rmsprop", "adagrad"])
    func streamedRunsCarryRecordedFirstMoments(optimizer text: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-moments-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = try OptimizerSpec(parsing: text)
        for name in ["rosenbrock", "himmelblau"] {
            let function = try FunctionCatalog().resolve(name)
            let configuration = RunConfiguration(start: function.start, steps: 29)
            let recorded = try TrajectoryRunner.trajectory(
                of: function.objective, function: name, optimizer: spec, configuration: configuration, recordingFirstMoments: true)
            #expect((recorded.firstMoments != nil) == spec.reportsFirstMoment, "\(text)")
            #expect(recorded.firstMoments.map { $0.count == recorded.gradients.count } ?? true)

            let json = try OutputFile(path: folder.appendingPathComponent("run.json").path, content: .text)
            var writer = try TrajectoryJSONWriter(output: json, hasFriction: spec.hasFriction, hasFirstMoments: spec.reportsFirstMoment)
            let header = try TrajectoryRunner.stream(
                of: function.objective, function: name, optimizer: spec, configuration: configuration, recordingFirstMoments: true, into: &writer)
            try writer.finish(header)
            try json.commit()
            let written = try Data(contentsOf: folder.appendingPathComponent("run.json"))
            #expect(try written == recorded.jsonData() + Data("\n".utf8), "\(text) on \(name)")
            #expect(String(decoding: written, as: UTF8.self).contains("\"firstMoments\"") == spec.reportsFirstMoment)
            let decoded = try Trajectory.decoded(from: written)
            #expect(decoded.firstMoments == recorded.firstMoments)
        }
    }

    /// The rows of a recorded run are the rows the stream hands over.
    @Test func recordedRowsAreStreamedRows() throws {
        struct Collector: TrajectorySink {
            var rows: [TrajectoryRow] = []
            mutating func receive(_ row: TrajectoryRow) { rows.append(row) }
        }
        let function = try FunctionCatalog().resolve("rosenbrock")
        let spec = try OptimizerSpec(parsing: "diffgrad(lr=0.01)")
        let configuration = RunConfiguration(start: function.start, steps: 12)
        var collector = Collector()
        _ = try TrajectoryRunner.stream(of: function.objective, function: "rosenbrock", optimizer: spec, configuration: configuration, into: &collector)
        let recorded = try TrajectoryRunner.trajectory(of: function.objective, function: "rosenbrock", optimizer: spec, configuration: configuration)
        #expect(collector.rows == recorded.rows)
        #expect(collector.rows.count == 13 && collector.rows.last?.gradient == nil && collector.rows.first?.friction != nil)
    }
}
