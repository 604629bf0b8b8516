import Foundation
import ArgumentParser
import Objectives
import Optimizers
import Trajectories
import UseCases

/// How each optimizer is run: steps, start, gradient clearing, clipping, parameter layout and lr schedule.
struct RunOptions: ParsableArguments {
    @Option(help: "Optimizer steps (1...\(RequestLimits.commandLine.maximumSteps)).")
    var steps: Int = 300

    @Option(help: "The start point, comma-separated (--start=-2,2); default: the function's own start.", transform: parseVector)
    var start: [Double]?

    @Option(name: .customLong("zero-grad"), help: "inplace: zero_grad(set_to_none=False), one buffer refilled every step (PyTorch's default before 2.0); none: a fresh buffer every step.")
    var zeroGrad: ZeroGradChoice = .inplace

    @Option(name: .customLong("clip-grad-norm"), help: "Clip the gradient's total L2 norm to this, like torch.nn.utils.clip_grad_norm_.")
    var clipGradNorm: Double?

    @Option(name: .customLong("param-layout"), help: "tensor: the variables as one parameter; split: one parameter per variable.")
    var layout: LayoutChoice = .tensor

    @Option(help: ArgumentHelp("A learning-rate scheduler stepped after each optimizer step, as torch.optim.lr_scheduler's class in lowercase with its keywords: 'cosineannealinglr(T_max=300)', 'sequentiallr(linearlr(start_factor=0.1, total_iters=20), cosineannealinglr(T_max=280), milestones=20)'; lists as milestones=30;60.", valueName: "spec"))
    var scheduler: String?

    /// The run settings with `noise`'s; `RunSettings.configuration` checks them.
    func settings(noise: NoiseOptions? = nil) -> RunSettings {
        let settings = RunSettings(
            steps: steps, start: start, zeroGrad: zeroGrad.mode, clipGradNorm: clipGradNorm, paramLayout: layout.layout,
            scheduler: scheduler)
        return noise?.adding(to: settings) ?? settings
    }
}

/// `--zero-grad` values.
enum ZeroGradChoice: String, ExpressibleByArgument, CaseIterable {
    case inplace, none
    var mode: ZeroGradMode { self == .inplace ? .inplace : .none }
}

/// `--param-layout` values.
enum LayoutChoice: String, ExpressibleByArgument, CaseIterable {
    case tensor, split
    var layout: ParameterLayout { self == .tensor ? .tensor : .split }
}

/// Parses "x,y[,...]" into finite numbers.
func parseVector(_ text: String) throws -> [Double] {
    do {
        return try RequestValues.vector(text, flag: "the value")
    } catch {
        throw ValidationError("expected comma-separated finite numbers such as -2,2 (got '\(text)')")
    }
}

/// Prints a one-line warning to stderr.
func warn(_ message: String) {
    var standardError = StandardError()
    print("trajviz: warning: \(message)", to: &standardError)
}

/// Warns that `spec` diverged at `step` on `function` (its loss, gradient or point stopped being
/// finite, `TrajectoryRunner`'s rule), and what that means for the output.
func warnDiverged(_ spec: OptimizerSpec, at step: Int, on function: String, _ consequence: String) {
    warn("\(spec) diverged at step \(step) on \(function): its loss, gradient or point stopped being finite; \(consequence)")
}

/// stderr as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
