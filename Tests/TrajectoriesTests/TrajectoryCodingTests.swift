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
        #expect(text.contains("\"zeroGrad\":\"none\""))
        #expect(text.contains("\"clipGradNorm\":1"))
    }

    /// Every key the tool writes is camelCase: no underscore in any key, nested ones included.
    @Test func writesOnlyCamelCaseKeys() throws {
        var run = Trajectory(
            function: "rosenbrock", optimizer: "diffgrad", start: [-2, 2], steps: 1, zeroGrad: "inplace",
            clipGradNorm: 1, points: [[-2, 2], [-1.99, 1.99]], losses: [409, 400], gradients: [[1, 3]],
            previousGradients: [[0, 0]], friction: [[0.5, 0.5]], divergedAtStep: nil, paramLayout: "split")
        run.reference = "torch_optimizer:DiffGrad"
        let object = try #require(try JSONSerialization.jsonObject(with: run.jsonData()) as? [String: Any])
        #expect(object.keys.count == 13)
        for key in object.keys { #expect(!key.contains("_"), "key \(key)") }
    }

    @Test func readsTheSnakeCaseKeysOfOlderFiles() throws {
        let old = #"{"function":"f","optimizer":"o","start":[0],"steps":1,"zero_grad":"none","clip_grad_norm":2,"param_layout":"split","points":[[0],[1]],"losses":[0,1],"gradients":[[1]]}"#
        let run = try Trajectory.decoded(from: Data(old.utf8))
        #expect(run.zeroGrad == "none")
        #expect(run.clipGradNorm == 2)
        #expect(run.paramLayout == "split")
        #expect(try Trajectory.decoded(from: run.jsonData()) == run)
    }

    @Test func namesTheFieldThatIsWrong() {
        let bad = #"{"function":"f","optimizer":"o","start":[0],"steps":1,"zeroGrad":"none","points":[[0],[1]],"losses":[0,1],"gradients":[["one"]]}"#
        #expect(throws: TrajectoryFormatError("field 'gradients[0][0]': expected a number")) {
            try Trajectory.decoded(from: Data(bad.utf8))
        }
        #expect(throws: TrajectoryFormatError("not a trajectory: expected a JSON object of its fields")) {
            try Trajectory.decoded(from: Data("[1, 2]".utf8))
        }
        #expect(throws: TrajectoryFormatError("field 'zeroGrad' is missing")) {
            try Trajectory.decoded(from: Data(#"{"function":"f","optimizer":"o","start":[0],"steps":1}"#.utf8))
        }
    }
}
