import Optimizers
import Testing
import _Random
@testable import Trajectories

@Suite struct GradientNoiseTests {
    func run(
        _ spec: String, noise: GradientNoise?, steps: Int = 60, zeroGrad: ZeroGradMode = .inplace, clip: Double? = nil,
        layout: ParameterLayout = .tensor
    ) throws -> Trajectory {
        try TrajectoryRunner.trajectory(
            of: TestObjectives.rosenbrock, function: "rosenbrock", optimizer: OptimizerSpec(parsing: spec),
            configuration: RunConfiguration(
                start: [-2, 2], steps: steps, zeroGrad: zeroGrad, clipGradNorm: clip, layout: layout, gradientNoise: noise))
    }

    /// g̃ = ∇f + σ·z and g̃ = ∇f + σ·‖∇f‖·z, with z the generator's normals in element order.
    @Test(arguments: GradientNoise.Scale.allCases)
    func eachStepReceivesTheGradientPlusTheSeededNoise(scale: GradientNoise.Scale) throws {
        let noise = GradientNoise(sigma: 0.3, scale: scale, seed: 9)
        let run = try run("adam(lr=0.01)", noise: noise)
        var normals = NormalGenerator(seed: 9)
        var exact = [0.0, 0.0]
        for step in 0..<run.gradients.count {
            _ = TestObjectives.rosenbrock.valueAndGradient(at: run.points[step], into: &exact)
            let deviation = scale == .absolute ? 0.3 : 0.3 * (exact[0] * exact[0] + exact[1] * exact[1]).squareRoot()
            let expected = exact.map { $0 + deviation * normals.next() }
            #expect(run.gradients[step] == expected, "step \(step + 1)")
        }
        #expect(run.gradientNoise == 0.3 && run.noiseScale == scale.rawValue && run.noiseSeed == 9)
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedAnother() throws {
        let noise = GradientNoise(sigma: 1, seed: 5)
        let first = try run("sgd(lr=0.001, momentum=0.9)", noise: noise)
        #expect(try run("sgd(lr=0.001, momentum=0.9)", noise: noise) == first)
        #expect(try run("sgd(lr=0.001, momentum=0.9)", noise: noise.seeded(6)).points != first.points)
    }

    @Test func zeroNoiseIsTheExactRun() throws {
        let exact = try run("adam(lr=0.01)", noise: nil)
        let quiet = try run("adam(lr=0.01)", noise: GradientNoise(sigma: 0, seed: 1))
        #expect(quiet.points == exact.points && quiet.gradients == exact.gradients)
    }

    /// The noise goes into the buffer the optimizer holds: an aliased DiffGrad still reads its
    /// own (noisy) gradient as g(t-1), Δg = 0 and ξ = 0.5; with clone=true it reads the last one.
    @Test(arguments: [false, true])
    func diffGradsAliasingHoldsUnderNoise(clone: Bool) throws {
        let run = try run("diffgrad(lr=0.01, clone=\(clone))", noise: GradientNoise(sigma: 2, seed: 3))
        let previous = try #require(run.previousGradients), friction = try #require(run.friction)
        for step in 1..<run.gradients.count {
            if clone {
                #expect(previous[step] == run.gradients[step - 1])
                #expect(friction[step] != [0.5, 0.5])
            } else {
                #expect(previous[step] == run.gradients[step])
                #expect(friction[step] == [0.5, 0.5])
            }
        }
    }

    /// Noise is added before clipping, so a clipped noisy gradient never exceeds the clip norm.
    @Test func noiseComesBeforeClipping() throws {
        let run = try run("sgd(lr=0.01)", noise: GradientNoise(sigma: 50, seed: 2), clip: 1)
        for gradient in run.gradients.rows {
            #expect((gradient[0] * gradient[0] + gradient[1] * gradient[1]).squareRoot() <= 1 + 1e-12)
        }
    }

    /// One normal per element in element order: one tensor and one parameter per variable get
    /// the same noise, so an element-wise optimizer takes the same path.
    @Test(arguments: GradientNoise.Scale.allCases)
    func layoutsGetTheSameNoise(scale: GradientNoise.Scale) throws {
        let noise = GradientNoise(sigma: 0.5, scale: scale, seed: 4)
        let tensor = try run("adam(lr=0.01)", noise: noise, layout: .tensor)
        let split = try run("adam(lr=0.01)", noise: noise, layout: .split)
        #expect(tensor.points == split.points)
    }

    @Test func summaryAgreesWithTheTrajectory() throws {
        let noise = GradientNoise(sigma: 1, scale: .relative, seed: 8)
        let configuration = RunConfiguration(start: [-2, 2], steps: 80, gradientNoise: noise)
        let spec = try OptimizerSpec(parsing: "adam(lr=0.02)")
        let trajectory = try TrajectoryRunner.trajectory(
            of: TestObjectives.rosenbrock, function: "rosenbrock", optimizer: spec, configuration: configuration)
        let summary = try TrajectoryRunner.summary(of: TestObjectives.rosenbrock, optimizer: spec, configuration: configuration)
        #expect(summary.finalPoint == trajectory.points.rows.last)
    }

    @Test func negativeOrNonFiniteNoiseIsRefused() throws {
        for sigma in [-1, Double.nan, .infinity] {
            #expect(throws: RunError.self) { try run("adam", noise: GradientNoise(sigma: sigma)) }
        }
    }
}
