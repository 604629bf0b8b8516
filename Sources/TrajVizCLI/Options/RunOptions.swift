import Foundation
import ArgumentParser
import Objectives
import Optimizers
import Schedules
import Trajectories

/// How each optimizer is run: steps, start, gradient clearing, clipping and parameter layout.
struct RunOptions: ParsableArguments {
    /// More steps than this are refused: a run records every point.
    static let maximumSteps = 1_000_000

    @Option(help: "Optimizer steps (1...\(RunOptions.maximumSteps)).")
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

    func validate() throws {
        guard steps >= 1 else { throw ValidationError("--steps must be at least 1 (got \(steps))") }
        guard steps <= Self.maximumSteps else {
            throw ValidationError("--steps \(steps) is more than the \(Self.maximumSteps) a run may record; use fewer steps")
        }
        if let clipGradNorm, !(clipGradNorm > 0 && clipGradNorm.isFinite) {
            throw ValidationError("--clip-grad-norm must be a finite number > 0 (got \(clipGradNorm))")
        }
    }

    /// The run configuration for `function`, warning on stderr when the start lies outside its domain.
    func configuration(for function: FunctionDefinition) throws -> RunConfiguration {
        let point = start ?? function.start
        func listed(_ point: [Double]) -> String { point.map { "\($0)" }.joined(separator: ",") }
        guard point.count == function.dimension else {
            throw ValidationError(
                "--start has \(point.count) coordinates but \(function.name) has \(function.dimension) variables; "
                    + "give \(function.dimension), e.g. --start=\(listed(function.start)) (its default start)")
        }
        if let domain = function.domain, !domain.contains(point) {
            warn("the start point \(listed(point)) lies outside \(function.name)'s plotted domain; the path will be clipped at the border")
        }
        return RunConfiguration(
            start: point, steps: steps, zeroGrad: zeroGrad.mode, clipGradNorm: clipGradNorm, layout: layout.layout,
            scheduler: try scheduler.map { text in try resolvingArguments { try SchedulerSpec(parsing: text) } })
    }

    /// `optimizer` for `configuration`: a usage error when it cannot run the schedule.
    func checked(_ optimizer: OptimizerSpec, in configuration: RunConfiguration) throws -> OptimizerSpec {
        if let problem = configuration.scheduleProblem(for: optimizer) { throw UsageError(description: problem) }
        return optimizer
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
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    let numbers = parts.map { Double($0.trimmingCharacters(in: .whitespaces)) }
    guard !parts.isEmpty, numbers.allSatisfy({ $0?.isFinite == true }) else {
        throw ValidationError("expected comma-separated finite numbers such as -2,2 (got '\(text)')")
    }
    return numbers.map { $0! }
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
