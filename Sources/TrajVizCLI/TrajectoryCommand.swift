import ArgumentParser
import Foundation
import Optimizers
import Scenes
import Trajectories
import UseCases
import _AtomicWrite

/// `trajviz trajectory`: one optimizer run, printed or written as JSON or CSV.
struct TrajectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectory",
        abstract: "Run one optimizer on one function and print the trajectory (JSON or CSV).",
        discussion: """
            Example: trajviz trajectory --function rosenbrock --optimizer "diffgrad(lr=0.01, clone=false)" --steps 300
            """
    )

    @OptionGroup var function: FunctionOptions
    @Option(help: "The optimizer: a name or name(key=value, ...), e.g. \"adam(lr=0.01)\" (see `trajviz list`).")
    var optimizer: String
    @OptionGroup var runOptions: RunOptions
    @OptionGroup var noise: NoiseOptions
    @Option(help: "json or csv.") var format: OutputFormat = .json
    @Option(help: "Write to this file (atomically; - or none: stdout), streamed as the run goes.") var output: String?
    @Flag(name: .customLong("first-moments"), help: "Also record the first moment m or momentum buffer b after each step (JSON `firstMoments`), for optimizers that report one.")
    var firstMoments = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, csv }

    func validate() throws {
        if firstMoments && format == .csv { throw ValidationError("--first-moments is recorded in JSON only: use --format json") }
    }

    func run() throws {
        let request = TrajectoryRequest(
            function: function.request, optimizers: [optimizer], run: runOptions.settings(noise: noise), firstMoments: firstMoments)
        let prepared = try checked { try request.prepared(limits: .commandLine) }
        let file = try OutputFile(path: output ?? "-", content: .text)
        let hasFriction = prepared.specs[0].hasFriction
        switch format {
        case .json:
            var writer = try TrajectoryJSONWriter(
                output: file, hasFriction: hasFriction, hasSchedule: prepared.configuration.scheduler != nil,
                hasFirstMoments: firstMoments && prepared.specs[0].reportsFirstMoment)
            try writer.finish(try handOver { try request.stream(prepared, into: &writer) })
        case .csv:
            var writer = try TrajectoryCSV.Writer(output: file, dimension: prepared.function.dimension, hasFriction: hasFriction)
            _ = try handOver { try request.stream(prepared, into: &writer) }
        }
        try file.commit()
        if output != nil { file.reportWritten() }
    }
}
