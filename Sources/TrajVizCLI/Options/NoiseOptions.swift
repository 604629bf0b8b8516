import ArgumentParser
import Objectives
import Optimizers
import Scenes
import Trajectories

/// Noisy gradients and fans of seeded runs: `--gradient-noise`, `--noise-scale`, `--seed`, `--runs`.
struct NoiseOptions: ParsableArguments {
    /// The most runs one fan draws per optimizer.
    static let maximumRuns = 200

    @Option(name: .customLong("gradient-noise"), help: "σ of Gaussian noise added to every gradient after backward() and before clipping, a stochastic-gradient model (default: none).")
    var sigma: Double?

    @Option(name: .customLong("noise-scale"), help: "absolute: g + σ·z; relative: g + σ·‖g‖·z (‖g‖ the total 2-norm), z standard normal per element.")
    var scale: NoiseScaleChoice = .absolute

    @Option(help: "The noise generator's seed (SplitMix64, Marsaglia's polar method: the same bits on every machine); run r of --runs uses seed + r.")
    var seed: UInt64 = 0

    @Option(help: "With --gradient-noise: draw this many seeded runs per optimizer (seed, seed+1, ...): a map draws them as a fan with the median run bold, curves the median and the 10-90 % band.")
    var runs: Int = 1

    func validate() throws {
        if let sigma, !(sigma >= 0 && sigma.isFinite) {
            throw ValidationError("--gradient-noise must be a finite number >= 0 (got \(sigma))")
        }
        guard (1...Self.maximumRuns).contains(runs) else {
            throw ValidationError("--runs must be from 1 to \(Self.maximumRuns) (got \(runs))")
        }
        if sigma == nil {
            if runs > 1 { throw ValidationError("--runs \(runs) draws seeded noisy runs; add --gradient-noise SIGMA, or drop --runs") }
            if scale != .absolute { throw ValidationError("--noise-scale goes with --gradient-noise SIGMA") }
        }
    }

    /// `configuration` with the noise of run `run` (0-based) of the fan, or unchanged without noise.
    func configuration(_ configuration: RunConfiguration, run: Int = 0) -> RunConfiguration {
        guard let sigma else { return configuration }
        var noisy = configuration
        noisy.gradientNoise = GradientNoise(sigma: sigma, scale: scale.scale, seed: seed &+ UInt64(run))
        return noisy
    }

    /// The `runs` seeded runs of `spec` (one run, exact or seeded, without `--runs`).
    func fan(
        of spec: OptimizerSpec, on definition: FunctionDefinition, named name: String, configuration: RunConfiguration,
        recordingFirstMoments: Bool = false
    ) throws -> RunFan {
        try RunFan(runs: (0..<runs).map { run in
            try TrajectoryRunner.trajectory(
                of: definition.objective, function: name, optimizer: spec, configuration: self.configuration(configuration, run: run),
                recordingFirstMoments: recordingFirstMoments)
        })
    }

    /// What a default output name adds for several runs: `runs=K`.
    var nameParts: [String] {
        runs > 1 ? ["runs=\(runs)"] : []
    }

    /// The legend name of `spec`'s path, with the noise: "adam(lr=0.05) σ=2, median of 16".
    func label(for spec: OptimizerSpec) -> String {
        let label = PlottedPath.label(for: spec)
        guard let sigma else { return label }
        let deviation = scale == .absolute ? "σ=\(sigma)" : "σ=\(sigma)·‖g‖"
        return label + (runs > 1 ? " \(deviation), median of \(runs)" : " \(deviation), seed \(seed)")
    }
}

/// `--noise-scale` values.
enum NoiseScaleChoice: String, ExpressibleByArgument, CaseIterable {
    case absolute, relative
    var scale: GradientNoise.Scale { self == .absolute ? .absolute : .relative }
}
