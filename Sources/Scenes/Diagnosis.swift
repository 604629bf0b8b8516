import Diagnostics
import Foundation
import GDRenderer
import Objectives
import Optimizers
import Plotting
import Trajectories
import _AtomicWrite

/// A DiffGrad-family optimizer run four ways, clone=false/true × zero-grad inplace/none, with
/// the verdict on each: the data of `trajviz diagnose`.
///
/// Every run comes from the ordinary runner and gradient-buffer model; the aliasing, where it
/// appears, is what that model does.
public struct Diagnosis: Sendable {
    /// One of the four runs.
    public struct Variant: Sendable {
        public let clone: Bool
        public let zeroGrad: ZeroGradMode
        public let spec: OptimizerSpec
        public let run: Trajectory
        public let verdict: AliasingVerdict

        /// e.g. "clone=false, zero-grad inplace".
        public var label: String { "clone=\(clone), zero-grad \(zeroGrad.rawValue)" }
    }

    public let function: FunctionDefinition
    public let spec: OptimizerSpec
    /// In the order (false, inplace), (true, inplace), (false, none), (true, none).
    public let variants: [Variant]

    public init(function: FunctionDefinition, functionArgument: String, spec: OptimizerSpec, configuration: RunConfiguration) throws {
        guard spec.hasFriction else {
            let family = OptimizerCatalog.all.filter(\.hasFriction).map(\.specName).joined(separator: ", ")
            throw SceneError("diagnose needs a DiffGrad-family optimizer (\(family)), not '\(spec.name)'")
        }
        self.function = function
        self.spec = spec
        var variants: [Variant] = []
        for zeroGrad in [ZeroGradMode.inplace, .none] {
            for clone in [false, true] {
                let variantSpec = try Self.spec(spec, clone: clone)
                var variantConfiguration = configuration
                variantConfiguration.zeroGrad = zeroGrad
                let run = try TrajectoryRunner.trajectory(
                    of: function.objective, function: functionArgument, optimizer: variantSpec, configuration: variantConfiguration)
                guard let overlap = GradientOverlap(run) else {
                    throw SceneError("\(variantSpec) reported no previous gradients; this is a bug in its friction transform")
                }
                variants.append(Variant(clone: clone, zeroGrad: zeroGrad, spec: variantSpec, run: run, verdict: AliasingVerdict(overlap)))
            }
        }
        self.variants = variants
    }

    /// The variant with these settings.
    public func variant(clone: Bool, zeroGrad: ZeroGradMode) -> Variant {
        variants.first { $0.clone == clone && $0.zeroGrad == zeroGrad }!
    }

    /// `spec` with `clone` set, every other option as given.
    static func spec(_ spec: OptimizerSpec, clone: Bool) throws(OptimizerSpecError) -> OptimizerSpec {
        try spec.setting(.clone, to: clone)
    }
}
