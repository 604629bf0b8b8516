import Foundation
import Testing
import Trajectories
@testable import Tuning

@Suite struct SearchObjectiveTests {
    let minima: [[Double]] = [[0, 0], [3, 4]]
    let domain = try! SearchDomain(x: -1...1, y: -1...2)

    @Test func distanceIsTheSquaredDistanceFromTheLastPointToTheNearestMinimum() {
        let points: [[Double]] = [[-2, 2], [2, 3], [2.5, 3.5]]
        let value = SearchObjective.jettify.value(
            points: points, losses: [1, 2, 3], diverged: false, minima: minima, domain: nil)
        #expect(value == 0.5)
    }

    @Test func finalLossIsTheLossAtTheLastPoint() {
        let value = SearchObjective.finalLoss.value(
            points: [[0, 1], [0, 2]], losses: [5, 7], diverged: false, minima: [], domain: nil)
        #expect(value == 7)
    }

    @Test func kozistrAddsItsPenalties() {
        // Steps: (0,0) -> (2,0) -> (1,0), the first step leaves the domain by 1 on the right.
        // losses seen by the steps: 4 and 2 (the final loss, 9, is not one of them).
        let points: [[Double]] = [[0, 0], [2, 0], [1, 0]]
        let value = SearchObjective.kozistr.value(
            points: points, losses: [4, 2, 9], diverged: false, minima: [[0, 0]], domain: domain)
        let distance = 1.0
        let boundary = 100.0 * 1
        let average = 0.4 * 3
        let oscillation = 0.1 * (2 + 0 + 1 + 0) / 4
        let convergence = 0.2 * (3 - 2)
        #expect(value == distance + boundary + average + oscillation + convergence)
    }

    @Test func kozistrTakesTheWorstViolationOfEachSide() {
        // Below y = -1 by 0.5 and by 2: only the 2 counts; left of x = -1 by 1.
        let points: [[Double]] = [[0, -1.5], [-2, -3], [0, 0]]
        let value = SearchObjective.kozistr.value(
            points: points, losses: [0, 0, 0], diverged: false, minima: [[0, 0]], domain: domain)
        let oscillation = 0.1 * (2 + 1.5 + 2 + 3) / 4
        #expect(value == 100 * (2 + 1) + oscillation)
    }

    @Test func aDivergedOrNonFiniteRunIsAFailedEvaluation() {
        for objective in SearchObjective.allCases {
            #expect(objective.value(points: [[0, 0], [1, 1]], losses: [1, 2], diverged: true, minima: minima, domain: domain) == nil)
            #expect(objective.value(points: [[0, 0], [.nan, 1]], losses: [1, 2], diverged: false, minima: minima, domain: domain) == nil)
            #expect(objective.value(points: [], losses: [], diverged: false, minima: minima, domain: domain) == nil)
        }
        #expect(SearchObjective.finalLoss.value(points: [[0, 0]], losses: [nil], diverged: false, minima: [], domain: nil) == nil)
        #expect(SearchObjective.kozistr.value(points: [[0, 0], [1, 1]], losses: [nil, 1], diverged: false, minima: minima, domain: domain) == nil)
    }

    @Test func readsATrajectory() {
        let trajectory = Trajectory(
            function: "rosenbrock", optimizer: "adam(lr=0.1)", start: [-2, 2], steps: 2, zeroGrad: "none",
            clipGradNorm: 1, points: [[-2, 2], [-1, 1], [0.5, 0.5]], losses: [409, 104, 6.5], gradients: [[0, 0], [0, 0]])
        #expect(SearchObjective.jettify.value(of: trajectory, minima: [[1, 1]], domain: nil) == 0.5)
        var diverged = trajectory
        diverged.divergedAtStep = 3
        #expect(SearchObjective.jettify.value(of: diverged, minima: [[1, 1]], domain: nil) == nil)
    }

    @Test func checkExplainsWhatIsMissing() throws {
        try SearchObjective.finalLoss.check(function: "saddle", minima: [], domain: nil)
        try SearchObjective.jettify.check(function: "rosenbrock", minima: [[1, 1]], domain: nil)
        let noMinimum = #expect(throws: TuningError.self) {
            try SearchObjective.jettify.check(function: "saddle", minima: [], domain: nil)
        }
        #expect(noMinimum?.description.contains("'saddle'") == true)
        #expect(noMinimum?.description.contains("final-loss") == true)
        #expect(throws: TuningError.self) {
            try SearchObjective.kozistr.check(function: "f", minima: [[0, 0]], domain: nil)
        }
    }

    @Test func domainsMustBeBoxes() {
        #expect(throws: TuningError.self) { try SearchDomain(lower: [0, 0], upper: [1]) }
        #expect(throws: TuningError.self) { try SearchDomain(lower: [], upper: []) }
        #expect(throws: TuningError.self) { try SearchDomain(lower: [0, 1], upper: [1, 1]) }
        #expect(throws: TuningError.self) { try SearchDomain(lower: [0, .nan], upper: [1, 1]) }
    }

    @Test func objectivesHaveTheirCommandLineNamesAndReadThemBack() throws {
        #expect(SearchObjective.allCases.map(\.description) == ["jettify", "kozistr", "final-loss", "mean-loss", "steps-to=0.001"])
        for objective in SearchObjective.allCases {
            #expect(try SearchObjective(parsing: objective.description) == objective)
        }
        #expect(try SearchObjective(parsing: "steps-to") == .stepsTo(tolerance: 1e-3))
        #expect(try SearchObjective(parsing: "steps-to=0.5") == .stepsTo(tolerance: 0.5))
        for bad in ["distance", "steps-to=0", "steps-to=-1", "steps-to=x", "kozistr=1", ""] {
            #expect(throws: TuningError.self, "\(bad)") { try SearchObjective(parsing: bad) }
        }
        #expect(SearchObjective.kozistr.defaultSteps == 200 && SearchObjective.jettify.defaultSteps == 100)
    }

    @Test func meanLossIsTheMeanOverEveryPoint() {
        let value = SearchObjective.meanLoss.value(
            points: [[0, 0], [1, 0], [2, 0]], losses: [9, 3, 0], diverged: false, minima: [], domain: nil)
        #expect(value == 4)
        #expect(SearchObjective.meanLoss.value(points: [[0, 0], [1, 0]], losses: [nil, 3], diverged: false, minima: [], domain: nil) == nil)
    }

    @Test func stepsToCountsStepsToTheToleranceAndRanksMissesByHowCloseTheyEnded() {
        let objective = SearchObjective.stepsTo(tolerance: 0.01)
        let points: [[Double]] = [[0, 0], [0, 0], [0, 0], [0, 0]]
        func value(_ losses: [Double?]) -> Double? {
            objective.value(points: points, losses: losses, diverged: false, minima: [], domain: nil, minimumValue: 1)
        }
        #expect(value([5, 2, 1.005, 1.001]) == 2)
        #expect(value([1, 2, 3, 4]) == 0)
        // Never within 0.01 of f* = 1: 3 steps, plus log10(gap/τ).
        #expect(value([5, 4, 3, 1.1]) == 3 + log10(0.1 / 0.01))
        #expect(value([5, 4, 3, 2]).map { $0 > value([5, 4, 3, 1.1])! } == true)
        #expect(objective.value(points: points, losses: [5, 4, 3, 1.1], diverged: false, minima: [], domain: nil) == nil)
    }

    @Test func objectivesSayWhatAFunctionLacks() {
        #expect(throws: TuningError.self) { try SearchObjective.stepsTo(tolerance: 1e-3).check(function: "f", minima: [[0, 0]], domain: nil) }
        #expect(throws: TuningError.self) { try SearchObjective.kozistr.check(function: "f", minima: [[0, 0]], domain: nil) }
        #expect(throws: TuningError.self) { try SearchObjective.jettify.check(function: "f", minima: [], domain: nil) }
        #expect(throws: Never.self) { try SearchObjective.meanLoss.check(function: "f", minima: [], domain: nil) }
    }
}
