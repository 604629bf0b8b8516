import ArgumentParser
import Foundation
import Optimizers
import Scenes

/// `trajviz diagnose`: the gradient-overlap plots and verdict that expose DiffGrad's aliasing bug.
struct DiagnoseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Plot g(t) against the g(t-1) a DiffGrad-family optimizer read, for clone=false/true and both zero-grad modes, with a verdict.",
        discussion: """
            Example: trajviz diagnose --function rosenbrock --optimizer "diffgrad(lr=0.01, clone=false)"
            Writes overlap-*.png, friction-*.png, comparison.png, paths.png and verdict.json into --output.
            """
    )

    @OptionGroup var function: FunctionOptions
    @Option(help: "A DiffGrad-family spec: diffgrad, diffrgrad or diffmod, e.g. \"diffgrad(lr=0.01, version=1, clone=false)\".")
    var optimizer: String
    @Option(help: "Optimizer steps (2...100000).") var steps: Int = 300
    @Option(help: "The start point, comma-separated (--start=-2,2); default: the function's own.", transform: parseVector)
    var start: [Double]?
    @Option(name: .customLong("zero-grad"), help: "Which zero-grad mode gets its own overlap plots: inplace, none or both. The comparison always shows both.")
    var zeroGrad: ModeChoice = .both
    @Option(name: .customLong("clip-grad-norm"), help: "Clip the gradient's total L2 norm, like torch.nn.utils.clip_grad_norm_.")
    var clipGradNorm: Double?
    @Option(name: .customLong("param-layout"), help: "tensor: the variables as one parameter; split: one parameter per variable.")
    var layout: LayoutChoice = .tensor
    @Option(help: "The folder to write into (default: output/diagnose/<function>-<optimizer>).") var output: String?

    enum ModeChoice: String, ExpressibleByArgument, CaseIterable { case inplace, none, both }

    func validate() throws {
        guard (2...100_000).contains(steps) else { throw ValidationError("--steps must be from 2 to 100000 (got \(steps))") }
    }

    func run() throws {
        let definition = try function.resolve()
        var runOptions = try RunOptions.parse([])
        runOptions.steps = steps
        runOptions.start = start
        runOptions.clipGradNorm = clipGradNorm
        runOptions.layout = layout
        try runOptions.validate()
        let spec = try optimizerSpec(optimizer)
        let diagnosis = try Diagnosis(
            function: definition, functionArgument: function.function, spec: spec,
            configuration: try runOptions.configuration(for: definition))
        let modes: [ZeroGradMode] = zeroGrad == .both ? [.inplace, .none] : [zeroGrad == .inplace ? .inplace : .none]
        let folder = URL(fileURLWithPath: output ?? "output/diagnose/\(OutputName.make([definition.name, spec.name]))")
        let files = try diagnosis.write(to: folder, modes: modes)
        for variant in diagnosis.variants {
            if let step = variant.run.divergedAtStep {
                warnDiverged(variant.spec, at: step, on: "\(definition.name) (zero-grad \(variant.zeroGrad.rawValue))", "its plots stop there")
            }
            print("\(variant.spec), zero-grad \(variant.zeroGrad.rawValue): \(variant.verdict.summary)")
        }
        print("wrote \(files.count) files to \(folder.path)")
    }
}
