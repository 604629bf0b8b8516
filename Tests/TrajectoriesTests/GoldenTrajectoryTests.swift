import Foundation
import Optimizers
import Schedules
import Testing
@testable import Trajectories

/// Every fixture trajectory, re-run and compared point by point with its losses, gradients and
/// previous gradients: `|a - b| <= 1e-9 · max(1, |b|)`, divergence at the same step.
@Suite struct GoldenTrajectoryTests {
    static let referenceFixtures = fixtureNames(in: "reference")
    static let generatedFixtures = fixtureNames(in: "generated")
    static let scheduledFixtures = fixtureNames(in: "scheduled")

    static func fixtureNames(in folder: String) -> [String] {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(folder)", withExtension: nil),
            let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }

    @Test func theFixturesArePresent() {
        #expect(Self.referenceFixtures.count == 20)
        #expect(Self.generatedFixtures.count >= 70)
        #expect(Self.scheduledFixtures.count >= 30)
    }

    /// Every scheduler over torch.optim.Adam and SGD with momentum (and AdamW), the lrs to 1e-9
    /// relative as well as the path: a scheduler off by one step, or stepped before the
    /// optimizer, moves every lr after the first change.
    @Test(arguments: scheduledFixtures)
    func reproducesScheduledTrajectory(_ fixture: String) throws {
        try reproduce(fixture)
    }

    @Test(arguments: referenceFixtures)
    func reproducesReferenceTrajectory(_ fixture: String) throws {
        try reproduce(fixture)
    }

    @Test(arguments: generatedFixtures)
    func reproducesGeneratedTrajectory(_ fixture: String) throws {
        try reproduce(fixture)
    }

    func reproduce(_ fixture: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(fixture)", withExtension: nil))
        let expected = try Trajectory.decoded(from: Data(contentsOf: url))
        let objective = try #require(TestObjectives.named(expected.function), "no test objective for \(expected.function)")
        let spec = try OptimizerSpec(parsing: expected.optimizer)
        #expect(spec.description == expected.optimizer, "the spec is not in canonical form")
        let layout = try #require(ParameterLayout(rawValue: expected.paramLayout ?? "tensor"))
        let scheduler = try expected.scheduler.map { try SchedulerSpec(parsing: $0) }
        #expect(scheduler?.description == expected.scheduler, "the scheduler spec is not in canonical form")
        let configuration = RunConfiguration(
            start: expected.start, steps: expected.steps, zeroGrad: try #require(ZeroGradMode(rawValue: expected.zeroGrad)),
            clipGradNorm: expected.clipGradNorm, layout: layout, scheduler: scheduler)
        let actual = try TrajectoryRunner.trajectory(
            of: objective, function: expected.function, optimizer: spec, configuration: configuration)

        #expect(actual.divergedAtStep == expected.divergedAtStep)
        expectClose(actual.points, expected.points, "points", fixture)
        expectClose(actual.gradients, expected.gradients, "gradients", fixture)
        if let previous = expected.previousGradients {
            expectClose(try #require(actual.previousGradients), previous, "previousGradients", fixture)
        }
        if let friction = expected.friction {
            expectClose(try #require(actual.friction), friction, "friction", fixture)
        }
        #expect(actual.paramLayout == expected.paramLayout)
        if let lrs = expected.learningRates {
            let actualLRs = try #require(actual.learningRates)
            try #require(actualLRs.count == lrs.count, "\(fixture): \(actualLRs.count) lrs vs \(lrs.count)")
            for (step, (a, b)) in zip(actualLRs, lrs).enumerated() where a != b {
                Issue.record("\(fixture): lr at step \(step + 1): \(a) vs \(b)")
                break
            }
        } else {
            #expect(actual.learningRates == nil)
        }
        try #require(actual.losses.count == expected.losses.count, "\(fixture): loss count")
        for (step, (a, b)) in zip(actual.losses, expected.losses).enumerated() {
            switch (a, b) {
            case (nil, nil): continue
            case (let a?, let b?): #expect(isClose(a, b), "\(fixture): loss \(step): \(a) vs \(b)")
            default: Issue.record("\(fixture): loss \(step): \(String(describing: a)) vs \(String(describing: b))")
            }
        }
    }

    func expectClose(_ actual: VectorSeries, _ expected: VectorSeries, _ what: String, _ fixture: String) {
        guard actual.count == expected.count, actual.dimension == expected.dimension else {
            Issue.record("\(fixture): \(what): \(actual.count) vectors vs \(expected.count) expected")
            return
        }
        for (index, (a, b)) in zip(actual.storage, expected.storage).enumerated() where !isClose(a, b) {
            Issue.record("\(fixture): \(what)[\(index / expected.dimension)][\(index % expected.dimension)]: \(a) vs \(b)")
            return
        }
    }
}

/// `|a - b| <= 1e-9 · max(1, |b|)`.
func isClose(_ a: Double, _ b: Double) -> Bool {
    a == b || abs(a - b) <= 1e-9 * max(1, abs(b))
}
