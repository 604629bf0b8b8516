import Diagnostics
import Foundation
import GDRenderer
import Objectives
import Optimizers
import Plotting
import Trajectories
import _AtomicWrite

/// DiffGrad-family runs with the aliasing verdict on each: the data of `trajviz diagnose`.
///
/// Either a built-in optimizer run four ways, clone=false/true × zero-grad inplace/none, each
/// from the ordinary runner and gradient-buffer model (the aliasing, where it appears, is what
/// that model does); or one, two or four runs recorded elsewhere (`trajviz trajectory`, or the
/// Python recorder). Every run is cut before it diverged (`Trajectory.beforeDivergence`), so
/// no panel shows the blow-up and every verdict counts only finite steps.
public struct Diagnosis: Sendable {
    /// One run.
    public struct Variant: Sendable {
        /// The optimizer's clone setting; `nil` when a recorded run does not say.
        public let clone: Bool?
        /// The zero-grad mode; `nil` when a recorded run names one TrajViz does not know.
        public let zeroGrad: ZeroGradMode?
        /// The optimizer as the run names it, e.g. "diffgrad(lr=0.01, clone=false)".
        public let optimizer: String
        /// The run, cut before divergence.
        public let run: Trajectory
        public let verdict: AliasingVerdict
        /// Where a recorded run came from; `nil` for a built-in run.
        public let source: String?

        /// Builds the verdict on `run` cut before divergence; throws when it has no previous gradients.
        init(optimizer: String, run: Trajectory, source: String?) throws(SceneError) {
            let clipped = run.beforeDivergence()
            guard let overlap = GradientOverlap(clipped) else {
                throw SceneError(
                    "\(source ?? optimizer) has no previousGradients, so there is no g(t−1) to compare: "
                        + "record an optimizer that keeps a previous gradient (Python recorder: --previous-key KEY)")
            }
            self.optimizer = optimizer
            self.run = clipped
            self.verdict = AliasingVerdict(overlap)
            self.source = source
            self.zeroGrad = ZeroGradMode(rawValue: run.zeroGrad)
            self.clone = Self.cloneSetting(in: optimizer)
        }

        /// "clone=false, zero-grad inplace" for a built-in run; a recorded run's optimizer in full,
        /// "diffgrad(lr=0.01, clone=false), zero-grad inplace".
        public var label: String { "\(source == nil ? setting : optimizer), zero-grad \(run.zeroGrad)" }

        /// A cell title: "clone=false, inplace", or the optimizer when it does not name its clone setting.
        public var shortLabel: String { "\(setting), \(run.zeroGrad)" }

        /// The step the run diverged at, if it did.
        public var divergedAtStep: Int? { run.divergedAtStep }

        /// " (diverged at step 5: steps 1–4 shown)" for a run that diverged, else empty.
        public var divergenceNote: String {
            divergedAtStep.map { " (diverged at step \($0): steps 1–\($0 - 1) shown)" } ?? ""
        }

        private var setting: String { clone.map { "clone=\($0)" } ?? optimizer }

        /// `clone=true`/`false` as a spec (`clone=false`) or JSON options (`"clone": false`) write it.
        static func cloneSetting(in optimizer: String) -> Bool? {
            guard let match = optimizer.firstMatch(of: /clone["']?\s*[=:]\s*(?<value>[Tt]rue|[Ff]alse)/) else { return nil }
            return match.value.lowercased() == "true"
        }
    }

    public let function: FunctionDefinition
    /// What the figures call the optimizer: the spec's name, or the recorded runs' optimizer(s).
    public let optimizerName: String
    /// The built-in spec; `nil` for recorded runs.
    public let spec: OptimizerSpec?
    /// Built-in: (false, inplace), (true, inplace), (false, none), (true, none). Recorded: as given.
    public let variants: [Variant]

    /// The four built-in runs of `spec`.
    public init(function: FunctionDefinition, functionArgument: String, spec: OptimizerSpec, configuration: RunConfiguration) throws {
        guard spec.hasFriction else {
            let family = OptimizerCatalog.all.filter(\.hasFriction).map(\.specName).joined(separator: ", ")
            throw SceneError("diagnose needs a DiffGrad-family optimizer (\(family)), not '\(spec.name)'")
        }
        self.function = function
        self.spec = spec
        optimizerName = spec.name
        var variants: [Variant] = []
        for zeroGrad in [ZeroGradMode.inplace, .none] {
            for clone in [false, true] {
                let variantSpec = try Self.spec(spec, clone: clone)
                var variantConfiguration = configuration
                variantConfiguration.zeroGrad = zeroGrad
                let run = try TrajectoryRunner.trajectory(
                    of: function.objective, function: functionArgument, optimizer: variantSpec, configuration: variantConfiguration)
                variants.append(try Variant(optimizer: variantSpec.description, run: run, source: nil))
            }
        }
        self.variants = variants
    }

    /// Runs recorded elsewhere, each with the file it came from.
    public init(function: FunctionDefinition, recorded: [(source: String, run: Trajectory)]) throws {
        guard !recorded.isEmpty else { throw SceneError("diagnose needs at least one recorded run") }
        for (source, run) in recorded where run.gradients.dimension != function.dimension || run.points.dimension != function.dimension {
            throw SceneError(
                "\(source) records \(run.points.dimension)-element points and \(run.gradients.dimension)-element gradients, "
                    + "but \(function.name) has \(function.dimension) variables: give the --function (and --dim) it was recorded on")
        }
        self.function = function
        spec = nil
        let names = Set(recorded.map { $0.run.optimizer.prefix { $0 != "(" } })
        optimizerName = names.count == 1 ? String(names.first!) : "recorded optimizers"
        variants = try recorded.map { try Variant(optimizer: $0.run.optimizer, run: $0.run, source: $0.source) }
    }

    /// The built-in variant with these settings.
    public func variant(clone: Bool, zeroGrad: ZeroGradMode) -> Variant? {
        variants.first { $0.clone == clone && $0.zeroGrad == zeroGrad }
    }

    /// `spec` with `clone` set, every other option as given.
    static func spec(_ spec: OptimizerSpec, clone: Bool) throws(OptimizerSpecError) -> OptimizerSpec {
        try spec.setting(.clone, to: clone)
    }
}
