import ArgumentParser
import Diagnostics
import Foundation
import Objectives
import Optimizers
import Scenes
import Trajectories
import _AtomicWrite

/// `trajviz diagnose`: the gradient-overlap plots and verdict that expose DiffGrad's aliasing
/// bug, for a built-in optimizer run four ways or for one, two or four recorded runs.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Plot g(t) against the g(t-1) a DiffGrad-family optimizer read, with |Δg|, ξ and a verdict: for clone=false/true and both zero-grad modes, or for recorded runs.",
        discussion: """
            Examples:
              trajviz diagnose --function rosenbrock --optimizer "diffgrad(lr=0.1, clone=false)"
              trajviz diagnose --function rastrigin --optimizer "diffgrad(lr=0.05, clone=false)" --steps 100
              trajviz diagnose --trajectory aliased.json --trajectory cloned.json
            Writes overlap-*.png, friction-*.png, comparison.png (two or more runs), paths.png (functions of x and y) and verdict.json into --output.
            A run that diverges is cut before the step that diverged, in every panel and in the verdict. A verdict that compares fewer than \(AliasingVerdict.minimumComparedSteps) steps (after the first, before any divergence) is flagged as resting on few steps, on stderr and in verdict.json.
            """
    )

    @Option(help: "A catalog name, a definition file, an n-dimensional family or an expression in x and y; with --trajectory, default: the function the run recorded.")
    var function: String?
    @Option(help: "The dimension of an n-dimensional family; with --trajectory, default: the run's.") var dim: Int?
    @Option(name: .customLong("condition-number"), help: "The condition number of quadratic-n (default 100).")
    var conditionNumber: Double?
    @Option(name: .customLong("functions-dir"), help: "A folder of extra definition files (repeatable; also TRAJVIZ_FUNCTIONS).")
    var functionFolders: [String] = []
    @Option(help: "A DiffGrad-family spec: diffgrad, diffrgrad or diffmod, e.g. \"diffgrad(lr=0.01, version=1, clone=false)\".")
    var optimizer: String?
    @Option(help: "A recorded run (trajectory JSON with previousGradients) instead of --optimizer; give one, two or four (repeatable).")
    var trajectory: [String] = []
    @Option(help: "Optimizer steps (2...100000).") var steps: Int = 300
    @Option(help: "The start point, comma-separated (--start=-2,2); default: the function's own.", transform: parseVector)
    var start: [Double]?
    @Option(name: .customLong("zero-grad"), help: "Which zero-grad mode gets its own overlap plots: inplace, none or both. The comparison always shows both.")
    var zeroGrad: ModeChoice = .both
    @Option(name: .customLong("clip-grad-norm"), help: "Clip the gradient's total L2 norm, like torch.nn.utils.clip_grad_norm_.")
    var clipGradNorm: Double?
    @Option(name: .customLong("param-layout"), help: "tensor: the variables as one parameter; split: one parameter per variable.")
    var layout: LayoutChoice = .tensor
    @Option(help: "The folder to write into (default: output/diagnose/<function>-<optimizer>, and the recorded files' names).") var output: String?

    enum ModeChoice: String, ExpressibleByArgument, CaseIterable { case inplace, none, both }

    func validate() throws {
        if output == "-" { throw ValidationError("--output names a folder for diagnose's files; - (standard output) cannot hold them") }
        guard (2...100_000).contains(steps) else { throw ValidationError("--steps must be from 2 to 100000 (got \(steps))") }
        switch (optimizer, trajectory.count) {
        case (nil, 0): throw ValidationError("give --optimizer SPEC to run, or --trajectory FILE (one, two or four) to diagnose recorded runs")
        case (.some, 1...): throw ValidationError("give either --optimizer or --trajectory, not both")
        case (nil, 3), (nil, 5...): throw ValidationError("give one, two or four --trajectory files (got \(trajectory.count))")
        case (.some, _): guard function != nil else { throw ValidationError("--optimizer needs --function: the function to run it on") }
        default: break
        }
    }

    func run() throws {
        let diagnosis: Diagnosis
        let name: String
        if let optimizer {
            let definition = try functionOptions(function ?? "", dimension: dim).resolve()
            var runOptions = try RunOptions.parse([])
            runOptions.steps = steps
            runOptions.start = start
            runOptions.clipGradNorm = clipGradNorm
            runOptions.layout = layout
            try runOptions.validate()
            let spec = try optimizerSpec(optimizer)
            let configuration = try runOptions.configuration(for: definition)
            diagnosis = try Diagnosis(function: definition, functionArgument: function ?? "", spec: spec, configuration: configuration)
            name = OutputName.forRun(function: definition, optimizers: [spec], configuration: configuration)
        } else {
            let runs = try trajectory.map { path in
                RunInputs.note(path, as: "a --trajectory file")
                return (source: path, run: try resolvingArguments { try Diagnosis.recordedRun(at: path) })
            }
            let first = runs[0].run
            let functionArgument = function ?? first.function
            let definition = try functionOptions(functionArgument, dimension: dim ?? familyDimension(of: first)).resolve()
            for (source, run) in runs where run.function != functionArgument {
                warn("\(source) was recorded on '\(run.function)'; its path is drawn on '\(functionArgument)'")
            }
            diagnosis = try Diagnosis(function: definition, recorded: runs)
            let stems = trajectory.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            name = OutputName.make([diagnosis.function.name, diagnosis.optimizerName] + stems)
        }
        let modes: [ZeroGradMode] = zeroGrad == .both ? [.inplace, .none] : [zeroGrad == .inplace ? .inplace : .none]
        let folder = URL(fileURLWithPath: output ?? "output/diagnose/\(name)")
        let files = try diagnosis.write(to: folder, modes: modes)
        for variant in diagnosis.variants {
            print("\(variant.source.map { "\($0): " } ?? "")\(variant.optimizer), zero-grad \(variant.run.zeroGrad): \(variant.verdict.summary)")
        }
        for warning in diagnosis.warnings { warn(warning) }
        print("finding: \(diagnosis.finding.rawValue)")
        for file in files { print(file.path) }
    }

    /// The shared function options for `name`, so that they are checked and resolved as every
    /// other command does.
    private func functionOptions(_ name: String, dimension: Int?) throws -> FunctionOptions {
        var arguments = ["--function=\(name)"]
        if let dimension { arguments.append("--dim=\(dimension)") }
        if let conditionNumber { arguments.append("--condition-number=\(conditionNumber)") }
        arguments += functionFolders.map { "--functions-dir=\($0)" }
        return try FunctionOptions.parse(arguments)
    }

    /// The dimension a recorded run of an n-dimensional family was made with; `nil` for others.
    private func familyDimension(of run: Trajectory) -> Int? {
        FunctionFamily(rawValue: run.function) == nil ? nil : run.points.dimension
    }
}
