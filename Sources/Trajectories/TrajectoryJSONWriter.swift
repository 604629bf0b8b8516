import Foundation
import _AtomicWrite

/// Writes a run as it is streamed, byte for byte as `jsonData()` followed by a newline.
///
/// The JSON's keys are sorted, so `divergedAtStep`, known only at the end, comes before the
/// series, and each series is a whole array: every series goes to its own `SpillFile` while the
/// run streams, and `finish(_:)` writes the document in key order. Memory stays flat; the disk
/// holds the series once more until the end.
public struct TrajectoryJSONWriter: TrajectorySink {
    /// The record's own keys, so that a renamed key is renamed here too.
    private typealias Key = Trajectory.CodingKeys

    private let output: OutputFile
    private var series: [Key: SpillFile] = [:]
    private var counts: [Key: Int] = [:]

    /// Writes into `output`; `hasFriction`: the optimizer reports previous gradients and ξ;
    /// `hasSchedule`: a scheduler sets each step's lr, which is recorded; `hasFirstMoments`: the
    /// rows carry the first moments (`firstMoments`).
    public init(output: OutputFile, hasFriction: Bool, hasSchedule: Bool = false, hasFirstMoments: Bool = false) throws {
        self.output = output
        let keys: [Key] = [.points, .losses, .gradients] + (hasFriction ? [.previousGradients, .friction] : [])
            + (hasSchedule ? [.learningRates] : []) + (hasFirstMoments ? [.firstMoments] : [])
        for key in keys { series[key] = try SpillFile() }
    }

    public mutating func receive(_ row: TrajectoryRow) throws {
        try append(.points, vector(row.point))
        try append(.losses, row.loss.map(Self.number) ?? "null")
        if let gradient = row.gradient { try append(.gradients, vector(gradient)) }
        if let previous = row.previousGradient { try append(.previousGradients, vector(previous)) }
        if let friction = row.friction { try append(.friction, vector(friction)) }
        if let moment = row.firstMoment { try append(.firstMoments, vector(moment)) }
        if let learningRate = row.learningRate { try append(.learningRates, Self.number(learningRate)) }
    }

    /// Writes the document: `header`'s scalar fields (its series are ignored) and the streamed
    /// series, in sorted key order, then a newline. The output is not committed.
    public func finish(_ header: Trajectory) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        func scalar(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode([value]).dropFirst().dropLast(), as: UTF8.self)
        }
        var fields: [(key: Key, text: String?)] = [
            (.function, try scalar(header.function)), (.optimizer, try scalar(header.optimizer)),
            (.start, try scalar(header.start)), (.steps, try scalar(header.steps)), (.zeroGrad, try scalar(header.zeroGrad)),
        ]
        if let clip = header.clipGradNorm { fields.append((.clipGradNorm, try scalar(clip))) }
        if let layout = header.paramLayout { fields.append((.paramLayout, try scalar(layout))) }
        if let diverged = header.divergedAtStep { fields.append((.divergedAtStep, try scalar(diverged))) }
        if let scheduler = header.scheduler { fields.append((.scheduler, try scalar(scheduler))) }
        if let sigma = header.gradientNoise { fields.append((.gradientNoise, try scalar(sigma))) }
        if let scale = header.noiseScale { fields.append((.noiseScale, try scalar(scale))) }
        if let seed = header.noiseSeed { fields.append((.noiseSeed, try scalar(seed))) }
        fields += series.keys.map { ($0, nil) }
        fields.sort { $0.key.stringValue < $1.key.stringValue }
        try output.write("{")
        for (index, field) in fields.enumerated() {
            try output.write((index == 0 ? "" : ",") + "\"\(field.key.stringValue)\":")
            if let text = field.text {
                try output.write(text)
            } else {
                try output.write("[")
                try series[field.key]!.copy(into: output)
                try output.write("]")
            }
        }
        try output.write("}\n")
    }

    private mutating func append(_ key: Key, _ text: String) throws {
        let count = counts[key, default: 0]
        try series[key]!.write(count == 0 ? text : "," + text)
        counts[key] = count + 1
    }

    private func vector(_ values: [Double]) -> String {
        "[" + values.map(Self.number).joined(separator: ",") + "]"
    }

    /// A number as JSONEncoder writes it: Swift's shortest round-trip text without a trailing
    /// `.0`, and the strategy's strings for non-finite values.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "\"NaN\"" : (value > 0 ? "\"Infinity\"" : "\"-Infinity\"") }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
