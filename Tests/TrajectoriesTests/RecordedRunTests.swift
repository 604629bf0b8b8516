import Foundation
import Optimizers
import Testing
@testable import Trajectories

/// Runs recorded by `python -m trajviz_torch record` from the packages' own classes
/// (torch.optim Adam, torch_optimizer DiffGrad, pytorch_optimizer Lion) and from the Python
/// tests' DiffGrad in the published pattern (`previous_grad = grad`) and with the fix
/// (`grad.clone()`), re-run by the Swift optimizer named in `Fixtures/recorded/manifest.json` and
/// compared point by point: `|a - b| <= 1e-9 · max(1, |b|)`. A second exactness check beside the
/// golden trajectories, independent of their generator; the Python suite checks that each fixture
/// is what `record` writes today.
@Suite struct RecordedRunTests {
    struct Entry: Decodable, Sendable, CustomTestStringConvertible {
        let file: String
        let swift: String
        let reference: String
        var testDescription: String { file }
    }

    static let entries: [Entry] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/recorded/manifest", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { return [] }
        return (try? JSONDecoder().decode([Entry].self, from: data)) ?? []
    }()

    @Test func coversAdamDiffGradAndLionOnRosenbrockAndRastrigin() {
        #expect(Self.entries.count == 8)
        let covered = Set(Self.entries.map {
            "\($0.file.split(separator: "-")[0]) \($0.swift.prefix { $0 != "(" }) \($0.reference.split(separator: ":")[0])"
        })
        #expect(covered.isSuperset(of: [
            "rosenbrock adam torch.optim", "rosenbrock diffgrad torch_optimizer", "rosenbrock lion pytorch_optimizer",
            "rastrigin adam torch.optim", "rastrigin diffgrad torch_optimizer", "rastrigin lion pytorch_optimizer",
        ]))
    }

    /// PyTorch's own gradient buffer made the published pattern read the current gradient as the
    /// previous one, and the fix read the step before's; Swift's runs (compared above) do the same.
    @Test func theRecordedPublishedPatternAliasesAndTheFixDoesNot() throws {
        func recorded(_ file: String) throws -> Trajectory {
            let url = try #require(Bundle.module.url(forResource: "Fixtures/recorded/\(file)", withExtension: nil))
            return try Trajectory.decoded(from: Data(contentsOf: url))
        }
        let aliased = try recorded("rosenbrock-diffgrad-aliased-test-file.json")
        let cloned = try recorded("rosenbrock-diffgrad-cloned-test-file.json")
        let aliasedPrevious = try #require(aliased.previousGradients)
        let clonedPrevious = try #require(cloned.previousGradients)
        #expect(aliased.gradients.count == 300 && cloned.gradients.count == 300)
        #expect((1..<300).allSatisfy { aliasedPrevious[$0] == aliased.gradients[$0] })
        #expect((1..<300).allSatisfy { clonedPrevious[$0] == cloned.gradients[$0 - 1] && clonedPrevious[$0] != cloned.gradients[$0] })
    }

    @Test(arguments: entries)
    func swiftReproducesTheRecordedRun(_ entry: Entry) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/recorded/\(entry.file)", withExtension: nil))
        let recorded = try Trajectory.decoded(from: Data(contentsOf: url))
        #expect(recorded.reference == entry.reference)
        let objective = try #require(TestObjectives.named(recorded.function))
        let configuration = RunConfiguration(
            start: recorded.start, steps: recorded.steps, zeroGrad: try #require(ZeroGradMode(rawValue: recorded.zeroGrad)),
            clipGradNorm: recorded.clipGradNorm)
        let run = try TrajectoryRunner.trajectory(
            of: objective, function: recorded.function, optimizer: try OptimizerSpec(parsing: entry.swift), configuration: configuration)

        #expect(run.divergedAtStep == recorded.divergedAtStep)
        try #require(run.points.count == recorded.points.count)
        var worst = 0.0
        for (name, actual, expected) in [("points", run.points, recorded.points), ("gradients", run.gradients, recorded.gradients)] {
            try #require(actual.count == expected.count, "\(entry.file): \(name) count")
            for (a, b) in zip(actual.storage, expected.storage) {
                worst = max(worst, abs(a - b) / max(1, abs(b)))
            }
        }
        if let previous = recorded.previousGradients, let actual = run.previousGradients {
            for (a, b) in zip(actual.storage, previous.storage) { worst = max(worst, abs(a - b) / max(1, abs(b))) }
        }
        #expect(worst <= 1e-9, "\(entry.file): largest relative difference \(worst)")
        // The runs move: a fixture that sat still would prove nothing.
        let travelled = zip(run.points.first!, run.points.last!).map { abs($0 - $1) }.max() ?? 0
        #expect(travelled > 0.1, "\(entry.file): the run moved only \(travelled)")
    }
}
