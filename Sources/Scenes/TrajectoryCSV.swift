import Trajectories

/// A run as CSV, one row per point: `step`, the coordinates, `loss`, then the gradient the step
/// from that point received (empty on the last point), and for the DiffGrad family the
/// previous gradient read and the friction ξ.
///
/// Coordinates are named `x,y` in two dimensions and `x1..xn` otherwise; gradient columns are
/// prefixed `grad_`, `prev_grad_` and `friction_`. Numbers are written in full precision.
public enum TrajectoryCSV {
    public static func text(of run: Trajectory) -> String {
        let dimension = run.start.count
        let names = dimension == 2 ? ["x", "y"] : (1...max(dimension, 1)).map { "x\($0)" }
        var header = ["step"] + names + ["loss"] + names.map { "grad_\($0)" }
        let hasFriction = run.previousGradients != nil
        if hasFriction {
            header += names.map { "prev_grad_\($0)" } + names.map { "friction_\($0)" }
        }
        var lines = [header.joined(separator: ",")]
        for step in run.points.indices {
            var row = ["\(step)"] + run.points[step].map(format)
            row.append(run.losses[step].map(format) ?? "")
            row += cells(run.gradients, step, dimension)
            if hasFriction {
                row += cells(run.previousGradients, step, dimension) + cells(run.friction, step, dimension)
            }
            lines.append(row.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cells(_ series: VectorSeries?, _ step: Int, _ dimension: Int) -> [String] {
        guard let series, step < series.count else { return Array(repeating: "", count: dimension) }
        return series[step].map(format)
    }

    private static func format(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }
}
