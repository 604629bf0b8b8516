import Foundation

/// A deterministic, seeded search for the learning rate that minimises an objective, over
/// log lr within `LearningRateBounds`, in at most `budget` evaluations.
///
/// The objective of lr is cheap but rough: flat where the optimizer barely moves, chaotic where
/// it jumps between Rastrigin's basins, undefined where it diverges. So the search is global
/// first and local second ("grid and zoom"):
/// 1. **Grid.** Half the budget, n = ⌈budget/2⌉ points, one in each of n equal cells of the log
///    interval [a, b]: u_i = a + (i + θ)·h with h = (b - a)/n and one offset θ ∈ [0.25, 0.75)
///    drawn from the seed (SplitMix64), so every seed covers the interval evenly.
/// 2. **Zoom.** The rest goes in rounds of up to `splitsPerRound` evaluations. Every interval
///    between neighbouring evaluated points (and between the outer points and a, b) that is
///    wider than h/2^`maximumDepth` and not yet resolved is ranked by the better of its two end
///    values, then the worse, then by width (wider first); the best-ranked intervals are split at
///    their midpoints. Around the best point this is bisection towards the minimum; because
///    several intervals split per round, the runners-up basins are refined too, which matters
///    when the objective is multimodal in lr. The depth limit (about 1e-10 in ln lr for the
///    default budget) bounds what one point can absorb: the objective is often rough down to
///    1e-6 in ln lr, where deep bisection still finds better values.
/// 3. **Resolved intervals are left alone.** An interval whose two end values agree to within
///    `resolvedTolerance` relatively, |f(a) - f(b)| ≤ 1e-3·min(|f(a)|, |f(b)|), is not split:
///    the objective is settled there (a smooth basin converged to a plateau, such as a run that
///    ends in a local minimum of the test function whatever the lr nearby), so further splits
///    could improve it by at most about that much. Their share of the budget goes to the next
///    intervals in the ranking, i.e. to other basins and to rough regions where neighbouring
///    values still differ. In a rough region (neighbouring values uncorrelated) and on a smooth
///    descent towards a minimum near zero, neighbouring values differ by far more than 0.1 %, so
///    those are refined as before.
///    The search stops early only when no interval can be split (every interval resolved, or
///    bounds so narrow that midpoints round to their ends).
///
/// A failed evaluation (`nil`, NaN or ±∞: a diverged run) ranks below every finite value; it
/// is counted, never fatal. Ties go to the earlier evaluation. The same budget, seed, bounds and
/// objective give the same evaluations in the same order, on every platform.
public struct LearningRateSearch: Codable, Sendable, Hashable {
    /// jettify's and kozistr's galleries give hyperopt 200 evaluations per optimizer and function.
    public static let defaultBudget = 200
    /// The most evaluations a search may ask for.
    public static let maximumBudget = 10_000
    /// Intervals split in each zoom round.
    public static let splitsPerRound = 4
    /// How many times a grid cell may be halved: h/2^maximumDepth is the finest interval.
    public static let maximumDepth = 30
    /// Relative agreement of an interval's two end values at which it counts as resolved and is
    /// no longer split.
    public static let resolvedTolerance = 1e-3
    /// The version of the algorithm, part of `SearchCacheKey`: bump it whenever the same budget,
    /// seed, bounds and objective may give other evaluations. 2: resolved intervals are not split.
    public static let algorithmVersion = 2

    /// The most evaluations the search makes, in 2...`maximumBudget`.
    public let budget: Int
    /// Chooses the grid's offset; the same seed gives the same search.
    public let seed: UInt64

    public init(budget: Int = LearningRateSearch.defaultBudget, seed: UInt64 = 0) throws(TuningError) {
        guard (2...Self.maximumBudget).contains(budget) else {
            throw TuningError("search budget \(budget) is out of range: give 2 to \(Self.maximumBudget) evaluations (default \(Self.defaultBudget))")
        }
        self.budget = budget
        self.seed = seed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let budget = try container.decode(Int.self, forKey: .budget)
        let seed = try container.decode(UInt64.self, forKey: .seed)
        do {
            try self.init(budget: budget, seed: seed)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .budget, in: container, debugDescription: error.description)
        }
    }

    /// The number of evaluations the grid takes: ⌈budget/2⌉.
    public var gridSize: Int { (budget + 1) / 2 }

    /// Searches `bounds` for the learning rate whose `evaluate(lr)` is smallest.
    ///
    /// `evaluate` returns the objective for one learning rate, or `nil` when the run failed
    /// (diverged, non-finite). An error it throws ends the search and is passed on.
    public func run(
        bounds: LearningRateBounds, evaluate: (Double) throws -> Double?
    ) rethrows -> LearningRateSearchResult {
        var generator = SplitMix64(seed: seed)
        let offset = 0.25 + 0.5 * generator.nextUnit()
        let cell = bounds.logWidth / Double(gridSize)
        let finest = cell / Double(1 << Self.maximumDepth)

        var evaluations: [LearningRateEvaluation] = []
        evaluations.reserveCapacity(budget)
        /// The evaluated log learning rates in ascending order, with their objectives.
        var visited: [(logRate: Double, objective: Double?)] = []

        func probe(_ logRate: Double) throws {
            let rate = exp(logRate)
            let value = try evaluate(rate)
            let objective = value.flatMap { $0.isFinite ? $0 : nil }
            evaluations.append(LearningRateEvaluation(learningRate: rate, objective: objective))
            let index = visited.firstIndex { $0.logRate > logRate } ?? visited.count
            visited.insert((logRate, objective), at: index)
        }

        for i in 0..<gridSize {
            try probe(bounds.logLower + (Double(i) + offset) * cell)
        }

        while evaluations.count < budget {
            let splits = Self.intervalsToSplit(
                visited: visited, bounds: bounds, finest: finest,
                count: min(Self.splitsPerRound, budget - evaluations.count))
            if splits.isEmpty { break }
            for midpoint in splits {
                try probe(midpoint)
            }
        }
        return LearningRateSearchResult(evaluations: evaluations)
    }

    /// The midpoints of the `count` best-ranked intervals wider than `finest`, not resolved (see
    /// `isResolved`), whose midpoint lies strictly inside them (it does not, in floating point,
    /// for an interval of one ulp).
    private static func intervalsToSplit(
        visited: [(logRate: Double, objective: Double?)], bounds: LearningRateBounds,
        finest: Double, count: Int
    ) -> [Double] {
        struct Interval {
            var lower: Double
            var upper: Double
            var better: Double
            var worse: Double
            var resolved: Bool
        }
        func rank(_ value: Double?) -> Double { value ?? .infinity }

        var intervals: [Interval] = []
        guard let first = visited.first, let last = visited.last else { return [] }
        intervals.append(Interval(
            lower: bounds.logLower, upper: first.logRate, better: rank(first.objective), worse: rank(first.objective),
            resolved: false))
        for (left, right) in zip(visited, visited.dropFirst()) {
            let a = rank(left.objective)
            let b = rank(right.objective)
            intervals.append(Interval(
                lower: left.logRate, upper: right.logRate, better: min(a, b), worse: max(a, b),
                resolved: isResolved(left.objective, right.objective)))
        }
        intervals.append(Interval(
            lower: last.logRate, upper: bounds.logUpper, better: rank(last.objective), worse: rank(last.objective),
            resolved: false))

        let candidates = intervals.filter { interval in
            let midpoint = 0.5 * (interval.lower + interval.upper)
            return !interval.resolved && interval.upper - interval.lower > finest
                && midpoint > interval.lower && midpoint < interval.upper
        }
        let ranked = candidates.sorted { x, y in
            if x.better != y.better { return x.better < y.better }
            if x.worse != y.worse { return x.worse < y.worse }
            let widthX = x.upper - x.lower
            let widthY = y.upper - y.lower
            if widthX != widthY { return widthX > widthY }
            return x.lower < y.lower
        }
        return ranked.prefix(count).map { 0.5 * ($0.lower + $0.upper) }
    }

    /// Whether an interval with end values `a` and `b` is resolved: both finite and
    /// |a - b| ≤ `resolvedTolerance`·min(|a|, |b|). A failed end never resolves an interval.
    static func isResolved(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) <= resolvedTolerance * min(abs(a), abs(b))
    }
}

/// One learning rate the search tried, and what came of it.
public struct LearningRateEvaluation: Codable, Sendable, Equatable {
    public var learningRate: Double
    /// The objective, or `nil` when the run failed (diverged or non-finite).
    public var objective: Double?

    public init(learningRate: Double, objective: Double?) {
        self.learningRate = learningRate
        self.objective = objective
    }
}

/// What a learning-rate search found.
public struct LearningRateSearchResult: Codable, Sendable, Equatable {
    /// Every evaluation, in the order made.
    public var evaluations: [LearningRateEvaluation]

    public init(evaluations: [LearningRateEvaluation]) {
        self.evaluations = evaluations
    }

    /// The evaluation with the smallest objective (the earliest among equals); `nil` when every
    /// evaluation failed.
    public var best: LearningRateEvaluation? {
        var best: LearningRateEvaluation?
        for evaluation in evaluations {
            guard let value = evaluation.objective else { continue }
            if let current = best?.objective, current <= value { continue }
            best = evaluation
        }
        return best
    }

    /// The best learning rate, or `nil` when every evaluation failed.
    public var learningRate: Double? { best?.learningRate }

    /// The best objective, or `nil` when every evaluation failed.
    public var objective: Double? { best?.objective }

    /// How many evaluations failed (diverged or non-finite).
    public var failures: Int { evaluations.count { $0.objective == nil } }
}
