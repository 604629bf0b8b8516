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
    /// How the search was set up; nil when the optimizer was given with an lr.
    public let tuning: GalleryTuning?

    public init(
        function: FunctionDefinition, requested: OptimizerSpec, spec: OptimizerSpec, search: CachedSearchResult?, run: Trajectory,
        metrics: TrajectoryMetrics, tuning: GalleryTuning? = nil
    ) {
        self.function = function
        self.requested = requested
        self.spec = spec
        self.search = search
        self.run = run
        self.metrics = metrics
        self.tuning = tuning
    }

    /// The legend and caption name: the spec with each tuned value to three significant digits,
    /// `adam(lr≈0.0123)`, or `adam(lr=0.0123)` when those digits are exact; an lr given in the
    /// spec is marked so, `adam(lr=0.1, given)`.
    public var label: String {
        guard let search else { return String(spec.description.dropLast()) + ", given)" }
        guard search.learningRate != nil else { return PlottedPath.label(for: spec) }
        let tuned = tuning?.options ?? ["lr"]
        let arguments = spec.arguments.map { argument in
            guard tuned.contains(argument.key), case .real(let value) = argument.value else { return "\(argument.key)=\(argument.value)" }
            let shown = roundedToSignificantDigits(value)
            return argument.key + (shown == value ? "=" : "≈") + "\(OptionValue.real(shown))"
        }
        return spec.name + "(" + arguments.joined(separator: ", ") + ")"
    }

    /// The map's title: the optimizer, the function, and what tuned it.
    public var title: String {
        "\(spec.name) on \(function.title), " + (tuning.map { "\($0)" } ?? "lr given")
    }
}

/// How a gallery search was set up: the objective, the evaluations it was given and the
/// options it tuned; `description` is the maps' note, "tuned by kozistr, 200 evaluations".
public struct GalleryTuning: Sendable, Equatable, CustomStringConvertible {
    public let objective: SearchObjective
    public let budget: Int
    public let options: [String]

    public var description: String {
        let what = options == ["lr"] ? "" : " " + options.joined(separator: ", ")
        return "tuned\(what) by \(objective), \(budget) evaluations"
    }
}

/// `value` rounded to `digits` significant digits: learning rates people can read and retype.
func roundedToSignificantDigits(_ value: Double, _ digits: Int = 3) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let scale = pow(10, Double(digits) - ceil(log10(abs(value))))
    return (value * scale).rounded() / scale
}
