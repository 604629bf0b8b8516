import Foundation
import Objectives
import Optimizers
import Trajectories
import Tuning

/// One optimizer on one function in the gallery: its tuned learning rate, its final path and
/// the path's metrics.
public struct GalleryEntry: Sendable {
    public let function: FunctionDefinition
    /// The optimizer as the user asked for it: it names the entry's files.
    public let requested: OptimizerSpec
    /// The optimizer with the tuned lr, exactly (or the lr it was given): its description re-runs the path.
    public let spec: OptimizerSpec
    /// The search's best lr before rounding, and its objective (`learningRate` nil when every
    /// evaluation failed); nil when the optimizer was given with an lr, which is run as given.
    public let search: CachedSearchResult?
    public let run: Trajectory
    public let metrics: TrajectoryMetrics

    /// The legend and caption name: the spec with the tuned lr to three significant digits,
    /// `adam(lr≈0.0123)`, or `adam(lr=0.0123)` when those digits are exact; an lr given in the
    /// spec is marked so, `adam(lr=0.1, given)`.
    public var label: String {
        guard let search else { return String(spec.description.dropLast()) + ", given)" }
        guard let tuned = search.learningRate else { return PlottedPath.label(for: spec) }
        let shown = roundedToSignificantDigits(tuned)
        let arguments = spec.arguments.map { argument in
            argument.key != "lr" ? "\(argument.key)=\(argument.value)" : (shown == tuned ? "lr=" : "lr≈") + "\(OptionValue.real(shown))"
        }
        return spec.name + "(" + arguments.joined(separator: ", ") + ")"
    }
}

/// `value` rounded to `digits` significant digits: learning rates people can read and retype.
func roundedToSignificantDigits(_ value: Double, _ digits: Int = 3) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let scale = pow(10, Double(digits) - ceil(log10(abs(value))))
    return (value * scale).rounded() / scale
}
