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
        /// The objective and budget of the search, and the options it tuned; nil for a given lr.
        let tuneObjective: String?
        let tuneBudget: Int?
        let tunedOptions: [String]?
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
                overshootCount: entry.metrics.overshootCount, divergedAtStep: entry.run.divergedAtStep,
                tuneObjective: entry.tuning?.objective.description, tuneBudget: entry.tuning?.budget, tunedOptions: entry.tuning?.options)
        }
        givenLearningRates = Set(entries.indices.filter { entries[$0].search == nil })
    }

    static let columns = [
        "function", "optimizer", "tuned lr", "final loss", "distance to minimum", "steps to 1e-3", "path length", "overshoots",
        "tuned by",
    ]

    private func cells(_ row: Row) -> [String] {
        [
            row.function, row.optimizer, format(row.learningRate),
            row.divergedAtStep.map { "diverged at step \($0)" } ?? format(row.finalLoss),
            format(row.distanceToNearestMinimum), row.stepsToTolerance.map(String.init) ?? "never",
            format(row.pathLength), row.overshootCount.map(String.init) ?? "",
            tunedBy(row),
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
        let header = "function,optimizer,spec,learning_rate,search_objective,search_failures,final_loss,distance_to_minimum,steps_to_tolerance,path_length,overshoot_count,diverged_at_step,tune_objective,tune_budget,tuned_options"
        let lines = rows.map { row -> String in
            let tuning: [String] = [row.tuneObjective ?? "", row.tuneBudget.map(String.init) ?? "", quotedOptions(row)]
            let cells: [String] = [
                row.function, row.optimizer, "\"\(row.spec)\"", raw(row.learningRate), raw(row.searchObjective), "\(row.searchFailures)",
                raw(row.finalLoss), raw(row.distanceToNearestMinimum), row.stepsToTolerance.map(String.init) ?? "",
                raw(row.pathLength), row.overshootCount.map(String.init) ?? "", row.divergedAtStep.map(String.init) ?? "",
            ]
            return (cells + tuning).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(rows) + Data("\n".utf8)
    }

    /// "kozistr, 200 evals", with the options when more than lr was tuned; empty for a given lr.
    private func tunedBy(_ row: Row) -> String {
        guard let objective = row.tuneObjective, let budget = row.tuneBudget, let options = row.tunedOptions else { return "" }
        let what: String = options == ["lr"] ? "" : " (" + options.joined(separator: ", ") + ")"
        return "\(objective), \(budget) evals" + what
    }

    /// The tuned options as one quoted CSV field, `"lr,momentum"`.
    private func quotedOptions(_ row: Row) -> String {
        "\"" + (row.tunedOptions ?? []).joined(separator: ",") + "\""
    }

    private func raw(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    private func format(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == 0 { return "0" }
        return abs(value) >= 1e-3 && abs(value) < 1e5 ? String(format: "%.4g", value) : String(format: "%.3e", value)
    }
}
