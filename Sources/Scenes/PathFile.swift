import Foundation
import Trajectories
import _AtomicWrite

/// Reads a path computed elsewhere: our trajectory JSON, our trajectory CSV, or a plain CSV of
/// `x,y` rows (a header line is allowed; further columns are ignored).
public enum PathFile {
    public static func read(_ path: String) throws(SceneError) -> PlottedPath {
        let url = URL(fileURLWithPath: path)
        RunInputs.note(path, as: "a --trajectory file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SceneError("cannot read trajectory file \(path): check the path and its permissions")
        }
        let name = url.deletingPathExtension().lastPathComponent
        if url.pathExtension.lowercased() == "json" || data.first == UInt8(ascii: "{") {
            do {
                let run = try Trajectory.decoded(from: data)
                return PlottedPath(
                    label: run.optimizer.isEmpty ? name : run.optimizer, points: run.points.rows,
                    finalLoss: run.losses.last ?? nil, divergedAtStep: run.divergedAtStep)
            } catch {
                throw SceneError("\(path) is not a trajectory JSON file (\(error)); write one with `trajviz trajectory --format json`")
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SceneError("\(path) is not UTF-8 text; give a trajectory JSON file or a CSV of x,y rows")
        }
        return try csvPath(text, name: name, source: path)
    }

    /// Points from CSV text: the `x`,`y` columns of a header that names them, else the first two.
    static func csvPath(_ text: String, name: String, source: String) throws(SceneError) -> PlottedPath {
        var xColumn = 0, yColumn = 1, lossColumn: Int?
        var points: [[Double]] = []
        var lastLoss: Double?
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.allSatisfy({ $0.isEmpty }) { continue }
            if points.isEmpty, Double(cells[0]) == nil {
                let lowered = cells.map { $0.lowercased() }
                xColumn = lowered.firstIndex(of: "x") ?? lowered.firstIndex(of: "x1") ?? 0
                yColumn = lowered.firstIndex(of: "y") ?? lowered.firstIndex(of: "x2") ?? 1
                lossColumn = lowered.firstIndex(of: "loss")
                continue
            }
            guard cells.count > max(xColumn, yColumn), let x = Double(cells[xColumn]), let y = Double(cells[yColumn]) else {
                throw SceneError("\(source):\(index + 1): expected numbers in columns \(xColumn + 1) and \(yColumn + 1) (x,y), got '\(line)'")
            }
            points.append([x, y])
            if let lossColumn, lossColumn < cells.count { lastLoss = Double(cells[lossColumn]) }
        }
        guard !points.isEmpty else { throw SceneError("\(source) has no x,y rows; write one point per line as x,y") }
        return PlottedPath(label: name, points: points, finalLoss: lastLoss.flatMap { $0.isFinite ? $0 : nil })
    }
}
