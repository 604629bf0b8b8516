import Foundation

/// A trajectory file that breaks the format of docs/trajectory-format.md, as one line that names
/// the field: `field 'points[3][1]': expected a number, found a string`.
public struct TrajectoryFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Trajectory {
    /// A run read from JSON and checked against the format; the error names the field.
    public static func decoded(from data: Data) throws(TrajectoryFormatError) -> Trajectory {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let run: Trajectory
        do {
            run = try decoder.decode(Trajectory.self, from: data)
        } catch let error as DecodingError {
            throw TrajectoryFormatError(Self.message(for: error))
        } catch {
            throw TrajectoryFormatError("not a trajectory: \(error.localizedDescription)")
        }
        try run.validate()
        return run
    }

    /// Reads the camelCase keys, or the snake_case keys of older files.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: FieldKey.self)
        func read<T: Decodable>(_ key: CodingKeys, _ type: T.Type = T.self) throws -> T? {
            let names = [key.stringValue] + (key.legacyName.map { [$0] } ?? [])
            guard let name = names.first(where: { container.contains(FieldKey($0)) }) else { return nil }
            return try container.decodeIfPresent(T.self, forKey: FieldKey(name))
        }
        func require<T: Decodable>(_ key: CodingKeys, _ type: T.Type = T.self) throws -> T {
            guard let value: T = try read(key) else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: decoder.codingPath, debugDescription: "field '\(key.stringValue)' is missing"))
            }
            return value
        }
        self.init(
            function: try require(.function), optimizer: try require(.optimizer), start: try require(.start),
            steps: try require(.steps), zeroGrad: try require(.zeroGrad), clipGradNorm: try read(.clipGradNorm),
            points: try require(.points), losses: try require(.losses), gradients: try require(.gradients),
            previousGradients: try read(.previousGradients), friction: try read(.friction),
            divergedAtStep: try read(.divergedAtStep), paramLayout: try read(.paramLayout))
        reference = try read(.reference)
        firstMoments = try read(.firstMoments)
        scheduler = try read(.scheduler)
        learningRates = try read(.learningRates)
        gradientNoise = try read(.gradientNoise)
        noiseScale = try read(.noiseScale)
        noiseSeed = try read(.noiseSeed)
    }

    /// The rules that the types alone do not check: one dimension throughout, one loss per
    /// point, one gradient per step taken, and a divergence step that agrees with the points.
    func validate() throws(TrajectoryFormatError) {
        let dimension = start.count
        guard dimension > 0 else { throw TrajectoryFormatError("field 'start': expected at least one coordinate") }
        guard steps >= 1 else { throw TrajectoryFormatError("field 'steps': expected an integer >= 1, found \(steps)") }
        guard ["inplace", "none"].contains(zeroGrad) else {
            throw TrajectoryFormatError("field 'zeroGrad': expected \"inplace\" or \"none\", found \"\(zeroGrad)\"")
        }
        guard (1...steps + 1).contains(points.count) else {
            throw TrajectoryFormatError("field 'points': expected 1 to steps + 1 = \(steps + 1) vectors, found \(points.count)")
        }
        let taken = points.count - 1
        for (name, series) in [("points", points), ("gradients", gradients), ("previousGradients", previousGradients), ("friction", friction), ("firstMoments", firstMoments)] {
            guard let series, series.count > 0 else { continue }
            guard series.dimension == dimension else {
                throw TrajectoryFormatError(
                    "field '\(name)[0]': expected \(dimension) numbers (the dimension of 'start'), found \(series.dimension)")
            }
            guard name == "points" || [taken, taken + 1].contains(series.count) else {
                throw TrajectoryFormatError("field '\(name)': expected \(taken) vectors (one per step taken), found \(series.count)")
            }
        }
        guard losses.count == points.count else {
            throw TrajectoryFormatError("field 'losses': expected \(points.count) values (one per point), found \(losses.count)")
        }
        if let clipGradNorm, !(clipGradNorm > 0) {
            throw TrajectoryFormatError("field 'clipGradNorm': expected a number > 0 or null, found \(clipGradNorm)")
        }
        if let paramLayout, !["tensor", "split"].contains(paramLayout) {
            throw TrajectoryFormatError("field 'paramLayout': expected \"tensor\" or \"split\", found \"\(paramLayout)\"")
        }
        if let learningRates, learningRates.count != gradients.count {
            throw TrajectoryFormatError(
                "field 'learningRates': expected \(gradients.count) values (one per gradient), found \(learningRates.count)")
        }
        if let divergedAtStep {
            guard (1...taken + 1).contains(divergedAtStep) else {
                throw TrajectoryFormatError(
                    "field 'divergedAtStep': expected a step from 1 to \(taken + 1) (the step after the last point), found \(divergedAtStep)")
            }
        } else if taken != steps {
            throw TrajectoryFormatError("field 'points': \(taken) steps taken of \(steps) without 'divergedAtStep'")
        }
    }

    /// One line for a decoding error: the field's path and what was wrong with it.
    static func message(for error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce(into: "") { text, key in
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is Double.Type, is Int.Type: "a number"
            case is String.Type: "a string"
            case is [Any].Type: "an array"
            default: "an array or object"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "field '\(parent.isEmpty ? "" : parent + ".")\(key.stringValue)' is missing"
        case .typeMismatch(let type, let context):
            guard !context.codingPath.isEmpty else { return "not a trajectory: expected a JSON object of its fields" }
            return "field '\(path(context.codingPath))': expected \(kind(type))"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))': expected \(kind(type)), found null"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let reason = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return "not valid JSON" + (reason.map { " (\($0))" } ?? "")
            }
            return "field '\(path(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            return "not a trajectory: \(error)"
        }
    }
}

/// A JSON key by name, so that a field can be looked up under its current or its legacy name.
private struct FieldKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
