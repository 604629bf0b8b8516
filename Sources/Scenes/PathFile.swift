import Foundation
import Trajectories
import _AtomicWrite

/// Reads a run computed elsewhere (`--trajectory`): trajectory JSON (ours, or one recorded by
/// `python -m trajviz_torch record`), our trajectory CSV, or a plain CSV of `x,y` rows (a header
/// line is allowed; further columns are ignored).
///
/// The run must have the function's dimension. A row whose point is not finite ends the run
/// there, as a divergence at that step; a finite point whose recorded loss is not finite ends
/// it one step later (the point is kept). The legend label is the file's `optimizer`, else the
/// file's name.
public enum PathFile {
    /// The run in the file, checked against a function of `dimension` variables.
    public static func run(_ path: String, dimension: Int) throws(SceneError) -> Trajectory {
        let url = URL(fileURLWithPath: path)
        RunInputs.note(path, as: "a --trajectory file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SceneError("cannot read trajectory file \(path): check the path and its permissions")
        }
        let name = url.deletingPathExtension().lastPathComponent
        var run: Trajectory
        if url.pathExtension.lowercased() == "json" || data.first == UInt8(ascii: "{") {
            do {
                run = try Trajectory.decoded(from: data)
            } catch {
                throw SceneError("\(path): \(error.description); see docs/trajectory-format.md")
            }
            if run.optimizer.isEmpty { run.optimizer = name }
        } else {
            guard let text = String(data: data, encoding: .utf8) else {
                throw SceneError("\(path) is not UTF-8 text; give a trajectory JSON file or a CSV of x,y rows")
            }
            run = try csvRun(text, name: name, source: path)
        }
        guard run.start.count == dimension else {
            throw SceneError(
                "\(path) is a run in \(run.start.count) dimensions but the function has \(dimension) variables; "
                    + "give a run of this function (or the function it was recorded on)")
        }
        let cut = endedAtFirstNonFiniteRow(run)
        guard !cut.points.isEmpty else { throw SceneError("\(path): the first point is not finite, so there is no path to draw") }
        return cut
    }

    /// The run as a path to draw.
    public static func read(_ path: String, dimension: Int) throws(SceneError) -> PlottedPath {
        let run = try run(path, dimension: dimension)
        return PlottedPath(run, label: run.optimizer)
    }

    /// The run cut where a point stops being finite (diverged at that step), or one step after a
    /// point whose recorded loss is not finite.
    static func endedAtFirstNonFiniteRow(_ run: Trajectory) -> Trajectory {
        let rows = run.points.rows
        let badPoint = rows.firstIndex { !$0.allSatisfy(\.isFinite) }
        let recordsLosses = run.losses.contains { $0 != nil }
        let badLoss = recordsLosses ? run.losses.prefix(badPoint ?? rows.count).firstIndex { $0 == nil }.map { $0 + 1 } : nil
        guard let kept = [badPoint, badLoss].compactMap({ $0 }).min(), kept < rows.count else { return run }
        func first(_ count: Int, of series: VectorSeries) -> VectorSeries {
            series.dimension == 0 ? series : VectorSeries(dimension: series.dimension, storage: Array(series.storage.prefix(max(count, 0) * series.dimension)))
        }
        var cut = run
        cut.points = first(kept, of: run.points)
        cut.losses = Array(run.losses.prefix(kept))
        cut.gradients = first(kept - 1, of: run.gradients)
        cut.previousGradients = run.previousGradients.map { first(kept - 1, of: $0) }
        cut.friction = run.friction.map { first(kept - 1, of: $0) }
        cut.divergedAtStep = min(run.divergedAtStep ?? kept, kept)
        return cut
    }

    /// A run from CSV text: the coordinate columns of a header that names them (`x,y` or
    /// `x1..xn`), else the first two columns, and the `loss` column when there is one.
    static func csvRun(_ text: String, name: String, source: String) throws(SceneError) -> Trajectory {
        var columns = [0, 1], lossColumn: Int?
        var points: [[Double]] = []
        var losses: [Double?] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            if points.isEmpty, number(cells[0]) == nil {
                columns = coordinateColumns(of: cells.map { $0.lowercased() })
                lossColumn = cells.map { $0.lowercased() }.firstIndex(of: "loss")
                continue
            }
            let values = columns.map { $0 < cells.count ? number(cells[$0]) : nil }
            guard values.allSatisfy({ $0 != nil }) else {
                let listed = columns.map { "\($0 + 1)" }.joined(separator: " and ")
                throw SceneError("\(source):\(index + 1): expected numbers in columns \(listed) (x,y), got '\(line)'")
            }
            points.append(values.map { $0! })
            let loss = lossColumn.flatMap { $0 < cells.count ? number(cells[$0]) : nil }
            losses.append(loss.flatMap { $0.isFinite ? $0 : nil })
        }
        guard let start = points.first else { throw SceneError("\(source) has no x,y rows; write one point per line as x,y") }
        return Trajectory(
            function: "", optimizer: name, start: start, steps: max(points.count - 1, 1), zeroGrad: "inplace",
            clipGradNorm: nil, points: VectorSeries(points), losses: losses, gradients: VectorSeries(dimension: start.count))
    }

    /// `x,y` (in either order), or `x1, x2, …` in order, else the first two columns.
    private static func coordinateColumns(of header: [String]) -> [Int] {
        if let x = header.firstIndex(of: "x"), let y = header.firstIndex(of: "y") { return [x, y] }
        var numbered: [Int] = []
        while let column = header.firstIndex(of: "x\(numbered.count + 1)") { numbered.append(column) }
        return numbered.isEmpty ? [0, 1] : numbered
    }

    /// A CSV cell as a number: decimal, or `nan`, `inf`, `-inf` as our CSV writes them.
    private static func number(_ cell: String) -> Double? {
        switch cell.lowercased() {
        case "nan": .nan
        case "inf", "+inf", "infinity": .infinity
        case "-inf", "-infinity": -.infinity
        default: Double(cell)
        }
    }
}
