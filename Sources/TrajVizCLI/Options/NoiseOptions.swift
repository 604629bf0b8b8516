import ArgumentParser
import Trajectories
import UseCases

/// Noisy gradients and fans of seeded runs: `--gradient-noise`, `--noise-scale`, `--seed`,
/// `--runs`. The request's `RunSettings` checks them.
struct NoiseOptions: ParsableArguments {
    @Option(name: .customLong("gradient-noise"), help: "σ of Gaussian noise added to every gradient after backward() and before clipping, a stochastic-gradient model (default: none).")
    var sigma: Double?

    @Option(name: .customLong("noise-scale"), help: "absolute: g + σ·z; relative: g + σ·‖g‖·z (‖g‖ the total 2-norm), z standard normal per element.")
    var scale: GradientNoise.Scale = .absolute

    @Option(help: "The noise generator's seed (SplitMix64, Marsaglia's polar method: the same bits on every machine); run r of --runs uses seed + r.")
    var seed: UInt64 = 0

    @Option(help: "With --gradient-noise: draw this many seeded runs per optimizer (seed, seed+1, ...): a map draws them as a fan with the median run bold, curves the median and the 10-90 % band.")
    var runs: Int = 1

    /// `settings` with these noise settings.
    func adding(to settings: RunSettings) -> RunSettings {
        var settings = settings
        settings.gradientNoise = sigma
        settings.noiseScale = scale
        settings.seed = seed
        settings.runs = runs
        return settings
    }
}

extension GradientNoise.Scale: ExpressibleByArgument {}
