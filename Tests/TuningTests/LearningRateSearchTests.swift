import Foundation
import Testing
@testable import Tuning
import _Random

@Suite struct LearningRateSearchTests {
    let bounds = try! LearningRateBounds(logLower: -8, logUpper: 0.5)

    @Test func findsTheMinimumOfASmoothObjective() throws {
        let target = log(0.0123)
        let result = try LearningRateSearch().run(bounds: bounds) { lr in pow(log(lr) - target, 2) }
        let found = try #require(result.learningRate)
        #expect(abs(log(found) - target) < 1e-6)
        #expect(result.evaluations.count == 200)
    }

    @Test func findsTheGlobalMinimumAmongManyLocalOnes() throws {
        // Rastrigin in log lr: 17 local minima in the interval, the global one at u* = -3.3.
        let target = -3.3
        let objective = { (lr: Double) -> Double? in
            let u = log(lr) - target
            return 10 + u * u - 10 * cos(2 * Double.pi * u * 2)
        }
        let result = try LearningRateSearch().run(bounds: bounds, evaluate: objective)
        let found = try #require(result.learningRate)
        #expect(abs(log(found) - target) < 1e-5)
        #expect(try #require(result.objective) < 1e-8)
    }

    @Test func findsANarrowDipBetweenGridPoints() throws {
        // A well 0.04 wide in ln lr, about half the grid spacing of 8.5/100.
        let target = -5.4321
        let objective = { (lr: Double) -> Double? in
            let u = (log(lr) - target) / 0.04
            return 1 - exp(-u * u) + 1e-3 * abs(log(lr))
        }
        let result = try LearningRateSearch().run(bounds: bounds, evaluate: objective)
        let found = try #require(result.learningRate)
        #expect(abs(log(found) - target) < 1e-3)
    }

    @Test func approachesTheEdgeOfADivergingRegion() throws {
        // Better and better up to lr = 0.5, then the run diverges (nil), overflows (inf) or is NaN.
        let objective = { (lr: Double) -> Double? in
            if lr > 0.9 { return .nan }
            if lr > 0.7 { return .infinity }
            if lr > 0.5 { return nil }
            return 1 / lr
        }
        let result = try LearningRateSearch().run(bounds: bounds, evaluate: objective)
        let found = try #require(result.learningRate)
        #expect(found <= 0.5 && found > 0.5 * (1 - 1e-5))
        #expect(result.failures > 0)
        #expect(result.evaluations.allSatisfy { ($0.learningRate > 0.5) == ($0.objective == nil) })
    }

    @Test func reachesAMinimumAtEitherBound() throws {
        let up = try LearningRateSearch().run(bounds: bounds) { lr in -lr }
        #expect(try #require(up.learningRate) > bounds.upper * (1 - 1e-5))
        let down = try LearningRateSearch().run(bounds: bounds) { lr in lr }
        #expect(try #require(down.learningRate) < bounds.lower * (1 + 1e-5))
    }

    @Test func everyEvaluationFailingIsAResultNotACrash() throws {
        let result = try LearningRateSearch(budget: 50).run(bounds: bounds) { _ in nil }
        #expect(result.learningRate == nil)
        #expect(result.objective == nil)
        #expect(result.failures == result.evaluations.count)
        #expect(result.evaluations.count == 50)
    }

    @Test func staysWithinTheBoundsAndTheBudget() throws {
        for budget in [2, 3, 7, 200, 333] {
            let result = try LearningRateSearch(budget: budget, seed: 9).run(bounds: bounds) { lr in sin(log(lr) * 3) }
            #expect(result.evaluations.count <= budget)
            #expect(result.evaluations.allSatisfy { log($0.learningRate) >= bounds.logLower && log($0.learningRate) <= bounds.logUpper })
        }
    }

    @Test func stopsWhenTheBoundsAreTooNarrowToSplit() throws {
        // One ulp of log lr: every midpoint rounds to an end, so nothing is left to refine.
        let narrow = try LearningRateBounds(logLower: 0, logUpper: .leastNonzeroMagnitude)
        let result = try LearningRateSearch(budget: 200).run(bounds: narrow) { lr in lr }
        #expect(result.evaluations.count < 200)
        #expect(result.learningRate == 1)
    }

    /// Flat at 1 below ln lr = -2 (a run that ends in the same local minimum whatever the lr),
    /// rough above: 0.95 + 1.2·r with r uniform in [0, 1), uncorrelated between any two lr.
    static func plateauAndRoughRegion(_ lr: Double) -> Double? {
        let u = log(lr)
        if u < -2 { return 1 }
        var generator = SplitMix64(seed: u.bitPattern)
        return 0.95 + 1.2 * generator.nextUnit()
    }

    @Test func neverSplitsAResolvedInterval() throws {
        let search = try LearningRateSearch(seed: 1)
        let result = search.run(bounds: bounds, evaluate: Self.plateauAndRoughRegion)
        #expect(result.evaluations.count == search.budget)
        for index in search.gridSize..<result.evaluations.count {
            let rate = result.evaluations[index].learningRate
            let earlier = result.evaluations[..<index]
            let left = earlier.filter { $0.learningRate < rate }.max { $0.learningRate < $1.learningRate }
            let right = earlier.filter { $0.learningRate > rate }.min { $0.learningRate < $1.learningRate }
            guard let left = left?.objective, let right = right?.objective else { continue }
            let agreement = abs(left - right) / min(abs(left), abs(right))
            #expect(agreement > LearningRateSearch.resolvedTolerance, "evaluation \(index) at lr \(rate) split a resolved interval")
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func aResolvedPlateauLeavesTheBudgetToARoughRegion(seed: UInt64) throws {
        // With these seeds no grid point in the rough region beats the plateau, so bisection
        // ranked by end values alone would spend the whole zoom on the plateau and find 1.
        let search = try LearningRateSearch(seed: seed)
        let result = search.run(bounds: bounds, evaluate: Self.plateauAndRoughRegion)
        let grid = LearningRateSearchResult(evaluations: Array(result.evaluations.prefix(search.gridSize)))
        #expect(grid.objective == 1)
        let zoom = result.evaluations.dropFirst(search.gridSize)
        let onThePlateau = zoom.count { log($0.learningRate) < -2 }
        // Only the interval at the plateau's edge stays open: at most one split per depth level.
        #expect(onThePlateau <= LearningRateSearch.maximumDepth + 2)
        #expect(try #require(result.objective) < 1)
        #expect(log(try #require(result.learningRate)) >= -2)
    }

    /// A smooth basin with its minimum 1 at ln lr = -6, and a rough band, -1.7 ≤ ln lr ≤ -1.3,
    /// where the objective is 0.5 + r, r uniform in [0, 1) and uncorrelated between any two lr
    /// (like Rastrigin's chaotic learning rates, whose good values are rare and narrow).
    static func smoothBasinAndRoughBand(_ lr: Double) -> Double? {
        let u = log(lr)
        guard (-1.7)...(-1.3) ~= u else { return 1 + 0.01 * (u + 6) * (u + 6) }
        var generator = SplitMix64(seed: u.bitPattern)
        return 0.5 + generator.nextUnit()
    }

    @Test(arguments: [0, 1, 8] as [UInt64])
    func aRoughBandThatReachesBelowASmoothBasinGetsTheZoom(seed: UInt64) throws {
        let search = try LearningRateSearch(seed: seed)
        let result = search.run(bounds: bounds, evaluate: Self.smoothBasinAndRoughBand)
        // With these seeds a grid point in the band is below the basin's minimum.
        let grid = LearningRateSearchResult(evaluations: Array(result.evaluations.prefix(search.gridSize)))
        try #require(try #require(grid.objective) < 1)
        let zoom = result.evaluations.dropFirst(search.gridSize)
        let inTheBand = zoom.count { (-1.7)...(-1.3) ~= log($0.learningRate) }
        #expect(inTheBand > zoom.count / 2)
        // A plain grid of the whole budget has 9 points in the band and finds 0.596.
        let plain = (0..<search.budget).compactMap { i in
            Self.smoothBasinAndRoughBand(exp(bounds.logLower + (Double(i) + 0.5) * bounds.logWidth / Double(search.budget)))
        }.min()
        let best = try #require(result.objective)
        #expect(best < 0.52)
        #expect(best < (try #require(plain)))
    }

    @Test func searchesAnObjectiveWithNegativeValuesOnTheValuesThemselves() throws {
        // ln f is undefined here, so the characteristic uses f: a well at ln lr = -3 with minimum -1.
        let result = try LearningRateSearch(seed: 4).run(bounds: bounds) { lr in
            let u = log(lr) + 3
            return -1 / (1 + u * u)
        }
        // The walls' steep slopes draw part of the zoom (measured: 4e-5 from the minimum; ln f of
        // NaN would leave the search blind and far off).
        #expect(abs(log(try #require(result.learningRate)) + 3) < 0.01)
        #expect(try #require(result.objective) < -0.9999)
    }

    @Test func resolvesASmoothBasinToTheRelativeTolerance() throws {
        // A basin whose minimum, 2 at ln lr = -3.3, is far from zero: refined until neighbouring
        // values agree to 0.1 %, which leaves the best within that of the minimum.
        let result = try LearningRateSearch().run(bounds: bounds) { lr in 2 + pow(log(lr) + 3.3, 2) }
        let best = try #require(result.objective)
        #expect(best <= 2 * (1 + LearningRateSearch.resolvedTolerance))
        #expect(abs(log(try #require(result.learningRate)) + 3.3) < 0.05)
    }

    @Test func isResolvedOnlyWhenBothEndsAreFiniteAndAgree() {
        #expect(LearningRateSearch.isResolved(1, 1.0005))
        #expect(LearningRateSearch.isResolved(-2, -2.001))
        #expect(LearningRateSearch.isResolved(0, 0))
        #expect(!LearningRateSearch.isResolved(1, 1.002))
        #expect(!LearningRateSearch.isResolved(1e-6, 2e-6))
        #expect(!LearningRateSearch.isResolved(-1e-9, 1e-9))
        #expect(!LearningRateSearch.isResolved(nil, 1))
        #expect(!LearningRateSearch.isResolved(nil, nil))
    }

    @Test func theSameSeedGivesTheSameSearch() throws {
        let objective = { (lr: Double) -> Double? in
            let u = log(lr)
            return u < -1 ? cos(7 * u) + 0.1 * u * u : nil
        }
        let first = try LearningRateSearch(seed: 42).run(bounds: bounds, evaluate: objective)
        let second = try LearningRateSearch(seed: 42).run(bounds: bounds, evaluate: objective)
        let other = try LearningRateSearch(seed: 43).run(bounds: bounds, evaluate: objective)
        #expect(first == second)
        #expect(first.evaluations.map(\.learningRate) != other.evaluations.map(\.learningRate))
    }

    @Test func theGridCoversEveryCellOnce() throws {
        let search = try LearningRateSearch(budget: 20, seed: 3)
        let result = search.run(bounds: bounds) { lr in lr }
        let cell = bounds.logWidth / Double(search.gridSize)
        let cells = result.evaluations.prefix(search.gridSize).map { Int((log($0.learningRate) - bounds.logLower) / cell) }
        #expect(cells == Array(0..<search.gridSize))
    }

    @Test func bestIsTheEarliestAmongEquals() {
        let result = LearningRateSearchResult(evaluations: [
            .init(learningRate: 1, objective: nil), .init(learningRate: 2, objective: 3),
            .init(learningRate: 3, objective: 1), .init(learningRate: 4, objective: 1),
        ])
        #expect(result.learningRate == 3)
        #expect(result.objective == 1)
        #expect(result.failures == 1)
    }

    @Test func anErrorFromTheEvaluationEndsTheSearch() {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try LearningRateSearch().run(bounds: bounds) { _ in
                calls += 1
                if calls == 5 { throw Stop() }
                return 1
            }
        }
        #expect(calls == 5)
    }

    @Test(arguments: [-1, 0, 1, 10_001])
    func rejectsABudgetOutOfRange(budget: Int) {
        #expect(throws: TuningError.self) { try LearningRateSearch(budget: budget) }
    }
}
