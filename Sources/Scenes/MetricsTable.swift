import Foundation
import Tuning

/// The gallery's metrics, one row per function and optimizer, as Markdown, CSV and JSON.
struct MetricsTable: Sendable {
    struct Row: Codable, Sendable {
        let function: String
        let optimizer: String
        let spec: String
        let learningRate: Double?
        let searchObjective: Double?
        let searchFailures: Int
        let finalLoss: Double?
        let distanceToNearestMinimum: Double?
        let stepsToTolerance: Int?
        let pathLength: Double
        let overshootCount: Int?
        let divergedAtStep: Int?
    }

    let rows: [Row]
    /// The indices of the rows whose lr was given in the spec, not tuned.
    let givenLearningRates: Set<Int>

    init(entries: [GalleryEntry]) {
        rows = entries.map { entry in
            Row(
                function: entry.function.name, optimizer: entry.spec.name, spec: entry.spec.description,
                learningRate: entry.spec.value(of: .lr),
                searchObjective: entry.search?.objective, searchFailures: entry.search?.failures ?? 0,
                finalLoss: entry.metrics.finalLoss, distanceToNearestMinimum: entry.metrics.distanceToNearestMinimum,
                stepsToTolerance: entry.metrics.stepsToTolerance, pathLength: entry.metrics.pathLength,
                overshootCount: entry.metrics.overshootCount, divergedAtStep: entry.run.divergedAtStep)
        }
        givenLearningRates = Set(entries.indices.filter { entries[$0].search == nil })
    }

    static let columns = [
        "function", "optimizer", "tuned lr", "final loss", "distance to minimum", "steps to 1e-3", "path length", "overshoots",
    ]

    private func cells(_ row: Row) -> [String] {
        [
            row.function, row.optimizer, format(row.learningRate),
            row.divergedAtStep.map { "diverged at step \($0)" } ?? format(row.finalLoss),
            format(row.distanceToNearestMinimum), row.stepsToTolerance.map(String.init) ?? "never",
            format(row.pathLength), row.overshootCount.map(String.init) ?? "",
        ]
    }

    var markdown: String {
        var lines = [
            "| " + Self.columns.joined(separator: " | ") + " |",
            "|" + Self.columns.map { _ in " --- " }.joined(separator: "|") + "|",
        ]
        lines += rows.indices.map { index in
            var cells = cells(rows[index])
            if givenLearningRates.contains(index) { cells[2] += " (given)" }
            return "| " + cells.joined(separator: " | ") + " |"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var csv: String {
        let header = "function,optimizer,spec,learning_rate,search_objective,search_failures,final_loss,distance_to_minimum,steps_to_tolerance,path_length,overshoot_count,diverged_at_step"
        let lines = rows.map { row in
            [
                row.function, row.optimizer, "\"\(row.spec)\"", raw(row.learningRate), raw(row.searchObjective), "\(row.searchFailures)",
                raw(row.finalLoss), raw(row.distanceToNearestMinimum), row.stepsToTolerance.map(String.init) ?? "",
                raw(row.pathLength), row.overshootCount.map(String.init) ?? "", row.divergedAtStep.map(String.init) ?? "",
            ].joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(rows) + Data("\n".utf8)
    }

    private func raw(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    private func format(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == 0 { return "0" }
        return abs(value) >= 1e-3 && abs(value) < 1e5 ? String(format: "%.4g", value) : String(format: "%.3e", value)
    }
}
