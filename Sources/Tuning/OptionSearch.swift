import Foundation
import Optimizers

/// One option a search tunes, and the interval it explores.
public struct TunedOption: Sendable, Hashable {
    /// The option's key, e.g. `lr`, `momentum`, `beta1`.
    public let key: String
    /// The interval: of ln lr for lr, of the value for any other option.
    public let interval: ClosedRange<Double>
    /// Whether the search runs over ln value (lr) rather than the value.
    public let logarithmic: Bool

    /// The option `key` of `definition`, over its declared interval: lr over the definition's
    /// `learningRateSearch` (log), any other real option over its `searchInterval`. Throws when
    /// the optimizer has no such option, or it has no interval to search.
    public init(_ key: String, of definition: OptimizerDefinition) throws(TuningError) {
        guard let option = definition.option(key) else {
            throw TuningError("\(definition.name) has no option '\(key)' to tune; its options: \(definition.options.map(\.key).joined(separator: ", "))")
        }
        if key == "lr" {
            let bounds = LearningRateBounds.defaults(for: definition)
            interval = bounds.logLower...bounds.logUpper
            logarithmic = true
        } else {
            guard let searched = option.searchInterval else {
                let tunable = ["lr"] + definition.options.filter { $0.key != "lr" && $0.searchInterval != nil }.map(\.key)
                throw TuningError("\(definition.name)'s \(key) (\(option.constraint)) has no declared search interval; tune some of: \(tunable.joined(separator: ", "))")
            }
            interval = searched
            logarithmic = false
        }
        self.key = key
    }

    /// The value at search coordinate u.
    func value(at u: Double) -> Double { logarithmic ? exp(u) : u }
}

/// A deterministic search over several options, in at most `budget` evaluations: coordinate-wise
/// rounds of `LearningRateSearch`'s one-dimensional grid-and-zoom.
///
/// With d options the budget goes to `rounds` · d passes (one pass and the whole budget for a
/// single option, which is then exactly the learning-rate search). Pass p tunes option
/// p mod d over its interval, with every other option at the best values found so far, in
/// ⌊remaining budget / remaining passes⌋ evaluations (at least 2) with seed `seed + p`; its best
/// value is kept when it improves on the best objective so far. Every evaluation counts
/// against the budget, failed ones too. The same options, budget, seed and objective give the
/// same evaluations in the same order, on every platform.
public struct OptionSearch: Sendable {
    /// Coordinate-wise rounds over the options when there are several.
    public static let rounds = 2

    public let options: [TunedOption]
    /// The total budget (`budget`) and the seed of the first pass (`seed`).
    public let search: LearningRateSearch

    /// Throws when no option, or one option twice, is given.
    public init(options: [TunedOption], search: LearningRateSearch) throws(TuningError) {
        guard !options.isEmpty else { throw TuningError("give at least one option to tune, e.g. --tune lr,momentum") }
        guard Set(options.map(\.key)).count == options.count else {
            throw TuningError("an option is listed twice in --tune \(options.map(\.key).joined(separator: ",")); list each once")
        }
        self.options = options
        self.search = search
    }

    /// The passes: one for a single option, else `rounds` per option.
    public var passCount: Int { options.count == 1 ? 1 : Self.rounds * options.count }

    /// Searches from `start` (its other settings kept) for the settings whose `evaluate` is smallest.
    public func run(from start: OptimizerSpec, evaluate: (OptimizerSpec) throws -> Double?) throws -> OptionSearchResult {
        var best = start
        var bestObjective: Double?
        var evaluations: [OptionEvaluation] = []
        for pass in 0..<passCount {
            let remaining = search.budget - evaluations.count
            let share = remaining / (passCount - pass)
            guard share >= 2 else { break }
            let option = options[pass % options.count]
            let base = best
            let passSearch = try LearningRateSearch(budget: share, seed: search.seed &+ UInt64(pass))
            var specs: [OptimizerSpec] = []
            let result = try passSearch.run(over: option.interval, position: option.value) { value in
                let spec = try base.setting(OptionKey<Double>(option.key), to: value)
                specs.append(spec)
                let objective = try evaluate(spec)
                evaluations.append(OptionEvaluation(spec: spec.description, objective: objective.flatMap { $0.isFinite ? $0 : nil }))
                return objective
            }
            if let found = result.best, let objective = found.objective, bestObjective.map({ objective < $0 }) ?? true,
                let index = result.evaluations.firstIndex(where: { $0.learningRate == found.learningRate })
            {
                best = specs[index]
                bestObjective = objective
            }
        }
        return OptionSearchResult(evaluations: evaluations, best: bestObjective == nil ? nil : best, objective: bestObjective)
    }
}

/// One setting the search tried, and what came of it.
public struct OptionEvaluation: Codable, Sendable, Equatable {
    /// The canonical spec tried, e.g. `sgd(lr=0.01, momentum=0.9)`.
    public var spec: String
    /// The objective, or `nil` when the run failed.
    public var objective: Double?
}

/// What a search over several options found.
public struct OptionSearchResult: Sendable {
    /// Every evaluation, in the order made.
    public var evaluations: [OptionEvaluation]
    /// The best spec; `nil` when every evaluation failed.
    public var best: OptimizerSpec?
    /// Its objective.
    public var objective: Double?
}
