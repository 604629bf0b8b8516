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
    @Option(help: "json or csv.") var format: OutputFormat = .json
    @Option(help: "Write to this file (atomically) instead of stdout.") var output: String?
    @Flag(name: .customLong("first-moments"), help: "Also record the first moment m or momentum buffer b after each step (JSON `firstMoments`), for optimizers that report one.")
    var firstMoments = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, csv }

    func run() throws {
        let definition = try function.resolve()
        let spec = try optimizerSpec(optimizer)
        let configuration = try runOptions.configuration(for: definition)
        let trajectory = try TrajectoryRunner.trajectory(
            of: definition.objective, function: function.function, optimizer: spec, configuration: configuration,
            recordingFirstMoments: firstMoments)
        if firstMoments && trajectory.firstMoments == nil { warn("\(spec) reports no first moment or momentum buffer; the record has none") }
        if let step = trajectory.divergedAtStep { warnDiverged(spec, at: step, on: definition.name, "the run stops there") }
        let data: Data
        switch format {
        case .json: data = try trajectory.jsonData(prettyPrinted: false) + Data("\n".utf8)
        case .csv: data = Data(TrajectoryCSV.text(of: trajectory).utf8)
        }
        if let output {
            try writeAtomically(data, to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
