import Foundation
import Testing
@testable import Trajectories

@Suite struct TrajectoryCodingTests {
    @Test func decodesADivergedReferenceRun() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/reference/05-radam", withExtension: "json"))
        let run = try Trajectory.decoded(from: Data(contentsOf: url))
        #expect(run.divergedAtStep == 6)
        #expect(run.points.count == 6)
        #expect(run.gradients.count == 5)
        #expect(run.losses.last == .some(nil))
        #expect(run.zeroGrad == "inplace")
    }

    @Test func roundTripsThroughJSON() throws {
        let run = Trajectory(
            function: "rosenbrock", optimizer: "adam(lr=0.01)", start: [-2, 2], steps: 1, zeroGrad: "none",
            clipGradNorm: 1, points: [[-2, 2], [-1.99, 1.99]], losses: [409, nil], gradients: [[-.infinity, 3]],
            previousGradients: [[0, 0]], friction: [[0.5, 0.5]])
        let decoded = try Trajectory.decoded(from: run.jsonData())
        #expect(decoded == run)
        let text = try #require(String(data: run.jsonData(), encoding: .utf8))
        #expect(text.contains("\"zero_grad\":\"none\""))
        #expect(text.contains("\"clip_grad_norm\":1"))
    }
}
