import ArgumentParser
import Foundation
import Optimizers
import Scenes
import Trajectories
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
        if noise.runs > 1 { throw ValidationError("--runs draws a fan on a map or chart; trajectory writes one run: give its --seed instead") }
        if firstMoments && format == .csv { throw ValidationError("--first-moments is recorded in JSON only: use --format json") }
    }

    func run() throws {
        let definition = try function.resolve()
        let configuration = noise.configuration(try runOptions.configuration(for: definition))
        let spec = try runOptions.checked(optimizerSpec(optimizer), in: configuration)
        if firstMoments && !spec.reportsFirstMoment { warn("\(spec) reports no first moment or momentum buffer; the record has none") }
        let file = try OutputFile(path: output ?? "-", content: .text)
        let trajectory: Trajectory
        switch format {
        case .json:
            var writer = try TrajectoryJSONWriter(
                output: file, hasFriction: spec.hasFriction, hasSchedule: configuration.scheduler != nil,
                hasFirstMoments: firstMoments && spec.reportsFirstMoment)
            trajectory = try TrajectoryRunner.stream(
                of: definition.objective, function: function.function, optimizer: spec, configuration: configuration,
                recordingFirstMoments: firstMoments, into: &writer)
            try writer.finish(trajectory)
        case .csv:
            var writer = try TrajectoryCSV.Writer(output: file, dimension: definition.dimension, hasFriction: spec.hasFriction)
            trajectory = try TrajectoryRunner.stream(
                of: definition.objective, function: function.function, optimizer: spec, configuration: configuration, into: &writer)
        }
        try file.commit()
        if let step = trajectory.divergedAtStep { warnDiverged(spec, at: step, on: definition.name, "the run stops there") }
        if output != nil { file.reportWritten() }
    }
}
