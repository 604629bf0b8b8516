import Foundation
import Optimizers
import Testing
@testable import Trajectories

/// The first moment / momentum buffer recorded on request, checked against what the recorded
/// gradients and points imply.
@Suite struct FirstMomentRecordingTests {
    let configuration = RunConfiguration(start: [-2, 2], steps: 40, zeroGrad: .inplace, layout: .split)

    func run(_ spec: String, recording: Bool = true) throws -> Trajectory {
        try TrajectoryRunner.trajectory(
            of: TestObjectives.rosenbrock, function: "rosenbrock", optimizer: OptimizerSpec(parsing: spec),
            configuration: configuration, recordingFirstMoments: recording)
    }

    /// Every transform with a first moment: m(t) = β·m(t-1) + (1-β)·g(t) from the recorded
    /// gradients, from m(0) (β₁, or Lion's β₂; Yogi starts from its initial accumulator).
    @Test(arguments: [
        ("adam(lr=0.01, beta1=0.8)", 0.8, 0.0), ("adamw(lr=0.01)", 0.9, 0), ("diffgrad(lr=0.01, clone=false)", 0.9, 0),
        ("lookahead(lr=0.01)", 0.9, 0), ("adabelief(lr=0.01)", 0.9, 0), ("adamod(lr=0.01)", 0.9, 0), ("adamax(lr=0.01)", 0.9, 0),
        ("nadam(lr=0.01)", 0.9, 0), ("radam(lr=0.01)", 0.9, 0), ("ranger(lr=0.01)", 0.95, 0), ("diffmod(lr=0.01)", 0.9, 0),
        ("diffrgrad(lr=0.01)", 0.9, 0), ("yogi(lr=0.01)", 0.9, 1e-6), ("lion(lr=0.001)", 0.99, 0),
    ])
    func theMomentFollowsTheGradients(spec: String, beta1: Double, initial: Double) throws {
        let run = try run(spec)
        let moments = try #require(run.firstMoments, "\(spec)")
        #expect(moments.count == run.gradients.count)
        var m = [initial, initial]
        for step in 0..<moments.count {
            m = zip(m, run.gradients[step]).map { beta1 * $0 + (1 - beta1) * $1 }
            for (a, b) in zip(moments[step], m) { #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(spec) step \(step + 1)") }
        }
    }

    /// SGD with momentum moves by lr·b: b(t) = (x(t-1) - x(t)) / lr.
    @Test func sgdsBufferIsTheStepOverTheLearningRate() throws {
        let run = try run("sgd(lr=0.0005, momentum=0.9)")
        let moments = try #require(run.firstMoments)
        for step in 0..<moments.count {
            for axis in 0..<2 {
                let implied = (run.points[step][axis] - run.points[step + 1][axis]) / 0.0005
                #expect(abs(moments[step][axis] - implied) <= 1e-6 * max(1, abs(implied)), "step \(step + 1)")
            }
        }
    }

    /// Only when asked for, and only from optimizers that report one; the JSON key is written
    /// then and only then, and read back.
    @Test func recordedOnlyWhenAskedFor() throws {
        #expect(try run("adam(lr=0.01)", recording: false).firstMoments == nil)
        #expect(try run("adagrad(lr=0.01)").firstMoments == nil)
        let plain = try String(decoding: run("adam(lr=0.01)", recording: false).jsonData(), as: UTF8.self)
        #expect(!plain.contains("firstMoments"))
        let recorded = try run("adam(lr=0.01)")
        let text = try String(decoding: recorded.jsonData(), as: UTF8.self)
        #expect(text.contains("\"firstMoments\""))
        #expect(try Trajectory.decoded(from: recorded.jsonData()).firstMoments == recorded.firstMoments)
    }

    /// Listening changes nothing about the run.
    @Test func recordingLeavesThePathAlone() throws {
        for spec in ["adam(lr=0.01)", "sgd(lr=0.0005, momentum=0.9)"] {
            #expect(try run(spec).points == run(spec, recording: false).points)
        }
    }
}
