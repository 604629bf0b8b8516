import Plotting

/// Reads a `--levels` value: `log`, `linear`, a band count (`20`), `log:20`, `linear:20`, or an
/// explicit increasing list (`0.1,1,10,100`; log-spaced when every level is positive and the
/// ratios are even).
public enum LevelsArgument {
    /// The number of bands when only the scale is given.
    public static let defaultCount = 14

    public static func parse(_ text: String) throws(SceneError) -> ContourLevels {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = trimmed.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2 || ["log", "linear"].contains(trimmed) {
            let count = parts.count == 2 ? Int(parts[1]) : defaultCount
            guard let count, (2...200).contains(count) else {
                throw SceneError("band count in '\(text)' must be a whole number from 2 to 200")
            }
            switch parts[0] {
            case "log": return .log(count: count)
            case "linear": return .linear(count: count)
            default: throw SceneError("'\(parts[0])' is not a level scale; use log or linear")
            }
        }
        if !trimmed.contains(","), let count = Int(trimmed) {
            guard (2...200).contains(count) else { throw SceneError("band count \(count) must be from 2 to 200") }
            return .linear(count: count)
        }
        let values = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count >= 2, values.allSatisfy({ $0?.isFinite == true }) else {
            throw SceneError("'\(text)' is not a level list; give at least two numbers, e.g. 0.1,1,10,100")
        }
        let levels = values.map { $0! }
        guard zip(levels, levels.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw SceneError("levels '\(text)' must increase strictly")
        }
        return .explicit(levels, scale: isGeometric(levels) ? .log : .linear)
    }

    private static func isGeometric(_ levels: [Double]) -> Bool {
        guard levels.count >= 3, levels.allSatisfy({ $0 > 0 }) else { return false }
        let ratios = zip(levels, levels.dropFirst()).map { $1 / $0 }
        return ratios.allSatisfy { abs($0 / ratios[0] - 1) < 1e-6 } && ratios[0] > 1.5
    }
}
