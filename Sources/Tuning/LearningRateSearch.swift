import Foundation
import _Random

/// A deterministic, seeded search for the learning rate that minimises an objective, over
/// log lr within `LearningRateBounds`, in at most `budget` evaluations.
///
/// The objective of lr is cheap but rough: smooth where the optimizer settles into one basin,
/// chaotic where it jumps between Rastrigin's basins (values 1e-3 apart in ln lr uncorrelated,
/// with rare deep values in narrow bands), undefined where it diverges. So the search is global
/// first and local second ("grid and zoom"), and its zoom weighs how low an interval's ends are
/// against how much the objective varies around it:
/// 1. **Grid.** n = ⌈0.3·budget⌉ points (60 of 200), one in each of n equal cells of the log
///    interval [a, b]: u_i = a + (i + θ)·h with h = (b - a)/n and one offset θ ∈ [0.25, 0.75)
///    drawn from the seed (SplitMix64), so every seed covers the interval evenly.
/// 2. **Zoom.** The rest goes in rounds of up to `splitsPerRound` (8) evaluations, each at the
///    midpoint of one of the intervals with the lowest characteristic. The intervals lie between
///    neighbouring evaluated points, and between the outer points and a, b (an outer interval
///    takes its inner point's value at the bound). On the transformed values t = ln f (t = f
///    unless every finite value so far is positive), an interval i of width w_i with end values
///    t⁻, t⁺ has slope s_i = |t⁺ - t⁻|/w_i, local Lipschitz estimate L_i = max(s_{i-1}, s_i,
///    s_{i+1}) and characteristic (Piyavskii–Shubert's lower bound, with Sergeyev's local tuning)
///
///        R_i = (t⁻ + t⁺)/2 - L_i·w_i/2.
///
///    Around a smooth minimum the slopes shrink as intervals shrink, so R converges to the
///    minimum and the search bisects towards it (down to h/2^`maximumDepth`, about 1e-10 in ln lr
///    for the default budget). In a rough region neighbouring values differ at every scale, so
///    its intervals keep a low R and keep being split: the rough regions whose values reach
///    lowest get many evaluations at all scales, which is where the rare deep values are. Up to 8
///    splits per round keep several basins refined at once (measured: 6-8 beat 1-4 and 12-24).
///    Ties go to the lower end value, then the wider interval, then the lower position.
/// 3. **Resolved intervals are left alone.** An inner interval whose two end values agree to
///    within `resolvedTolerance` relatively, |f(a) - f(b)| ≤ 1e-3·min(|f(a)|, |f(b)|), is not
///    split: the objective is settled there (a run that ends in the same local minimum whatever
///    the lr nearby), so further splits could improve it by at most about that much. Except when
///    it brackets a minimum: both outer neighbours higher than its ends by more than that
///    tolerance (two points either side of a smooth minimum can agree while the minimum between
///    them is lower).
///    An interval whose ends both failed ranks after all others (wider first); one failed end
///    takes the other end's value (slope 0), so the search approaches a divergence edge.
///    The search stops early only when no interval can be split (every interval resolved, at the
///    depth limit, or so narrow that its midpoint rounds to an end).
///
/// Measured against hyperopt's TPE (seeds 1-7) on jettify's protocol: at least as good in
/// 171.8 ± 1.1 of 210 comparisons, mean over our seeds 0-39 (algorithm 2, a grid of half the
/// budget and bisection towards the best end values: 159.9 ± 1.6); Tools/tuning/search-variants.md
/// lists the settings tried. The price of the smaller grid: a rough band narrower than about five
/// grid cells whose few grid values all lie above a smooth basin's minimum can go unexplored.
///
/// A failed evaluation (`nil`, NaN or ±∞: a diverged run) is counted, never fatal; the best
/// result ignores it. The same budget, seed, bounds and objective give the same evaluations in
/// the same order, on every platform.
public struct LearningRateSearch: Codable, Sendable, Hashable {
    /// jettify's and kozistr's galleries give hyperopt 200 evaluations per optimizer and function.
    public static let defaultBudget = 200
    /// The most evaluations a search may ask for.
    public static let maximumBudget = 10_000
    /// Intervals split in each zoom round.
    public static let splitsPerRound = 8
    /// How many times a grid cell may be halved: h/2^maximumDepth is the finest interval.
    public static let maximumDepth = 30
    /// Relative agreement of an interval's two end values at which it counts as resolved and is
    /// no longer split.
    public static let resolvedTolerance = 1e-3
    /// The version of the algorithm, part of `SearchCacheKey`: bump it whenever the same budget,
    /// seed, bounds and objective may give other evaluations. 2: resolved intervals are not split;
    /// 3: a grid of 30 % of the budget, zoom by locally tuned Lipschitz characteristics of ln f.
    public static let algorithmVersion = 3

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

    /// The number of evaluations the grid takes: ⌈0.3·budget⌉ (60 of 200).
    public var gridSize: Int { (3 * budget + 9) / 10 }

    /// Searches `bounds` for the learning rate whose `evaluate(lr)` is smallest.
    ///
    /// `evaluate` returns the objective for one learning rate, or `nil` when the run failed
    /// (diverged, non-finite). An error it throws ends the search and is passed on.
    public func run(
        bounds: LearningRateBounds, evaluate: (Double) throws -> Double?
    ) rethrows -> LearningRateSearchResult {
        try run(over: bounds.logLower...bounds.logUpper, position: exp, evaluate: evaluate)
    }

    /// The same search over a coordinate u in `interval`, trying `evaluate(position(u))`: lr
    /// searches u = ln lr (`position` = exp); an option such as momentum searches its value
    /// (`position` = identity). The evaluations record `position(u)`.
    public func run(
        over interval: ClosedRange<Double>, position: (Double) -> Double = { $0 }, evaluate: (Double) throws -> Double?
    ) rethrows -> LearningRateSearchResult {
        var generator = SplitMix64(seed: seed)
        let offset = 0.25 + 0.5 * generator.nextUnit()
        let cell = (interval.upperBound - interval.lowerBound) / Double(gridSize)
        let finest = cell / Double(1 << Self.maximumDepth)

        var evaluations: [LearningRateEvaluation] = []
        evaluations.reserveCapacity(budget)
        /// The evaluated log learning rates in ascending order, with their objectives.
        var visited: [(logRate: Double, objective: Double?)] = []

        func probe(_ logRate: Double) throws {
            let rate = position(logRate)
            let value = try evaluate(rate)
            let objective = value.flatMap { $0.isFinite ? $0 : nil }
            evaluations.append(LearningRateEvaluation(learningRate: rate, objective: objective))
            let index = visited.firstIndex { $0.logRate > logRate } ?? visited.count
            visited.insert((logRate, objective), at: index)
        }

        for i in 0..<gridSize {
            try probe(interval.lowerBound + (Double(i) + offset) * cell)
        }

        while evaluations.count < budget {
            let splits = Self.intervalsToSplit(
                visited: visited, interval: interval, finest: finest,
                count: min(Self.splitsPerRound, budget - evaluations.count))
            if splits.isEmpty { break }
            for midpoint in splits {
                try probe(midpoint)
            }
        }
        return LearningRateSearchResult(evaluations: evaluations)
    }

    /// The midpoints of the `count` intervals with the lowest characteristic (see the type's
    /// documentation) that are wider than `finest`, not resolved (see `isResolved`), and whose
    /// midpoint lies strictly inside them (it does not, in floating point, for an interval of one ulp).
    private static func intervalsToSplit(
        visited: [(logRate: Double, objective: Double?)], interval: ClosedRange<Double>,
        finest: Double, count: Int
    ) -> [Double] {
        struct Candidate {
            var characteristic: Double
            var better: Double
            var width: Double
            var lower: Double
            var midpoint: Double
        }
        guard let first = visited.first, let last = visited.last else { return [] }
        let positions = [interval.lowerBound] + visited.map(\.logRate) + [interval.upperBound]
        let values = [first.objective] + visited.map(\.objective) + [last.objective]
        let finite = values.compactMap { $0 }
        let logarithmic = !finite.isEmpty && finite.allSatisfy { $0 > 0 }
        let transformed = values.map { value in value.map { logarithmic ? log($0) : $0 } }
        let intervalCount = positions.count - 1
        let slopes = (0..<intervalCount).map { i -> Double in
            guard let a = transformed[i], let b = transformed[i + 1] else { return 0 }
            let width = positions[i + 1] - positions[i]
            return width > 0 ? abs(b - a) / width : 0
        }

        var candidates: [Candidate] = []
        for i in 0..<intervalCount {
            let lower = positions[i]
            let upper = positions[i + 1]
            let width = upper - lower
            let midpoint = 0.5 * (lower + upper)
            guard width > finest, midpoint > lower, midpoint < upper else { continue }
            let inner = i > 0 && i < intervalCount - 1
            if inner && isResolved(values[i], values[i + 1])
                && !(isClearlyHigher(values[i - 1], than: values[i]) && isClearlyHigher(values[i + 2], than: values[i + 1])) {
                continue
            }
            guard let a = transformed[i] ?? transformed[i + 1], let b = transformed[i + 1] ?? transformed[i] else {
                candidates.append(Candidate(
                    characteristic: .infinity, better: .infinity, width: width, lower: lower, midpoint: midpoint))
                continue
            }
            let lipschitz = slopes[max(0, i - 1)...min(intervalCount - 1, i + 1)].max() ?? 0
            candidates.append(Candidate(
                characteristic: 0.5 * (a + b) - lipschitz * width / 2, better: min(a, b), width: width,
                lower: lower, midpoint: midpoint))
        }
        let ranked = candidates.sorted { x, y in
            if x.characteristic != y.characteristic { return x.characteristic < y.characteristic }
            if x.better != y.better { return x.better < y.better }
            if x.width != y.width { return x.width > y.width }
            return x.lower < y.lower
        }
        return ranked.prefix(count).map(\.midpoint)
    }

    /// Whether `outer` is above `end` by more than `resolvedTolerance` (both finite): an interval
    /// whose both outer neighbours are clearly higher than its ends brackets a minimum.
    static func isClearlyHigher(_ outer: Double?, than end: Double?) -> Bool {
        guard let outer, let end else { return false }
        return outer > end && !isResolved(outer, end)
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
