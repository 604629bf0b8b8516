import ArgumentParser
import Diagnostics
import Foundation
import Objectives
import Optimizers
import Scenes
import Trajectories
import UseCases

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
    }

    func run() throws {
        let request = DiagnosisRequest(
            function: FunctionRequest(function: function ?? "", dim: dim, conditionNumber: conditionNumber, functionFolders: functionFolders),
            optimizer: optimizer, trajectories: trajectory,
            run: RunSettings(steps: steps, start: start, clipGradNorm: clipGradNorm, paramLayout: layout.layout))
        let prepared = try checked { try request.prepared(limits: .commandLine) }
        let outcome = try checked { try request.diagnosis(prepared, limits: .commandLine) }
        let diagnosis = outcome.value
        let name =
            prepared.map { OutputName.forRun(function: $0.function, optimizers: $0.specs, configuration: $0.configuration) }
            ?? OutputName.make([diagnosis.function.name, diagnosis.optimizerName] + trajectory.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        let modes: [ZeroGradMode] = zeroGrad == .both ? [.inplace, .none] : [zeroGrad == .inplace ? .inplace : .none]
        let files = try diagnosis.write(to: URL(fileURLWithPath: output ?? "output/diagnose/\(name)"), modes: modes)
        for variant in diagnosis.variants {
            print("\(variant.source.map { "\($0): " } ?? "")\(variant.optimizer), zero-grad \(variant.run.zeroGrad): \(variant.verdict.summary)")
        }
        for warning in outcome.warnings { warn(warning) }
        print("finding: \(diagnosis.finding.rawValue)")
        for file in files { print(file.path) }
    }
}
