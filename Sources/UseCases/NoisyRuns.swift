import Objectives
import Optimizers
import Scenes
import Trajectories

/// What the noise settings make of a run: each seeded run's configuration, the fan's name parts
/// and its legend label.
extension RunSettings {
    /// `configuration` with the noise of run `run` (0-based) of the fan, or unchanged without noise.
    public func noisy(_ configuration: RunConfiguration, run: Int = 0) -> RunConfiguration {
        guard let gradientNoise else { return configuration }
        var noisy = configuration
        noisy.gradientNoise = GradientNoise(sigma: gradientNoise, scale: noiseScale, seed: seed &+ UInt64(run))
        return noisy
    }

    /// What a default output name adds for several runs: `runs=K`.
    public var noiseNameParts: [String] {
        runs > 1 ? ["runs=\(runs)"] : []
    }

    /// The legend name of `spec`'s path, with the noise: "adam(lr=0.05) σ=2, median of 16".
    public func label(for spec: OptimizerSpec) -> String {
        let label = PlottedPath.label(for: spec)
        guard let gradientNoise else { return label }
        let deviation = noiseScale == .absolute ? "σ=\(gradientNoise)" : "σ=\(gradientNoise)·‖g‖"
        return label + (runs > 1 ? " \(deviation), median of \(runs)" : " \(deviation), seed \(seed)")
    }
}
