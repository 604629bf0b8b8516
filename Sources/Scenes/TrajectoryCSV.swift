import Trajectories
import _AtomicWrite

/// A run as CSV, one row per point: `step`, the coordinates, `loss`, then the gradient the step
/// from that point received (empty on the last point), and for the DiffGrad family the
/// previous gradient read and the friction ξ.
///
/// Coordinates are named `x,y` in two dimensions and `x1..xn` otherwise; gradient columns are
/// prefixed `grad_`, `prev_grad_` and `friction_`. Numbers are written in full precision.
public enum TrajectoryCSV {
    public static func text(of run: Trajectory) -> String {
        let hasFriction = run.previousGradients != nil
        let lines = [header(dimension: run.start.count, hasFriction: hasFriction)] + run.rows.map { line($0, hasFriction: hasFriction) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the CSV as a run streams: the header at once, then each row as it comes.
    public struct Writer: TrajectorySink {
        private let output: OutputFile
        private let hasFriction: Bool

        public init(output: OutputFile, dimension: Int, hasFriction: Bool) throws {
            self.output = output
            self.hasFriction = hasFriction
            try output.write(TrajectoryCSV.header(dimension: dimension, hasFriction: hasFriction) + "\n")
        }

        public mutating func receive(_ row: TrajectoryRow) throws {
            try output.write(TrajectoryCSV.line(row, hasFriction: hasFriction) + "\n")
        }
    }

    static func header(dimension: Int, hasFriction: Bool) -> String {
        let names = dimension == 2 ? ["x", "y"] : (1...max(dimension, 1)).map { "x\($0)" }
        var header = ["step"] + names + ["loss"] + names.map { "grad_\($0)" }
        if hasFriction {
            header += names.map { "prev_grad_\($0)" } + names.map { "friction_\($0)" }
        }
        return header.joined(separator: ",")
    }

    static func line(_ row: TrajectoryRow, hasFriction: Bool) -> String {
        let dimension = row.point.count
        var cells = ["\(row.step)"] + row.point.map(format)
        cells.append(row.loss.map(format) ?? "")
        cells += vector(row.gradient, dimension)
        if hasFriction {
            cells += vector(row.previousGradient, dimension) + vector(row.friction, dimension)
        }
        return cells.joined(separator: ",")
    }

    private static func vector(_ values: [Double]?, _ dimension: Int) -> [String] {
        values?.map(format) ?? Array(repeating: "", count: dimension)
    }

    private static func format(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }
}
