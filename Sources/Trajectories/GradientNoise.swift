import Optimizers
import _Random

/// Gaussian noise added to the gradient after `backward()` and before clipping: a model of the
/// stochastic gradient a minibatch gives, written into the gradient buffer itself (so an
/// optimizer holding a reference to the buffer, as the published DiffGrad does, reads the noisy
/// gradient through it, as it would read a minibatch gradient).
///
///     absolute:  g̃_i = g_i + σ·z_i
///     relative:  g̃_i = g_i + σ·‖g‖·z_i,   ‖g‖ the total 2-norm over every parameter's gradient
///
/// with z_i standard normal from `NormalGenerator(seed:)`, drawn one per element per step, in
/// element order across the parameters (so `tensor` and `split` layouts get the same noise).
/// Relative noise is isotropic and scales with the gradient's size: it fades as a run settles in
/// a minimum, like minibatch noise on an interpolating model, and unlike σ·|g_i|·z_i it still
/// moves a coordinate whose own gradient is zero.
public struct GradientNoise: Sendable, Equatable {
    /// What σ multiplies.
    public enum Scale: String, Sendable, CaseIterable {
        /// σ is the standard deviation of each element's noise.
        case absolute
        /// σ·‖g‖ is the standard deviation of each element's noise.
        case relative
    }

    /// σ, finite and ≥ 0.
    public var sigma: Double
    public var scale: Scale
    /// The generator's seed: the same seed gives the same noise on every machine.
    public var seed: UInt64

    public init(sigma: Double, scale: Scale = .absolute, seed: UInt64 = 0) {
        self.sigma = sigma
        self.scale = scale
        self.seed = seed
    }

    /// The same noise with another seed: run r of a fan uses `seed + r`.
    public func seeded(_ seed: UInt64) -> GradientNoise {
        GradientNoise(sigma: sigma, scale: scale, seed: seed)
    }
}

/// The noise of one run: the generator, advanced step by step.
struct GradientNoiseSource {
    let noise: GradientNoise
    var normals: NormalGenerator

    init(_ noise: GradientNoise) {
        self.noise = noise
        normals = NormalGenerator(seed: noise.seed)
    }

    /// Adds one step's noise into the parameters' gradient buffers.
    mutating func perturb(_ parameters: [Parameter]) {
        var deviation = noise.sigma
        if noise.scale == .relative {
            var sumOfSquares = 0.0
            parameters.forEachBorrowed { _, parameter in
                guard let grad = parameter.grad else { return }
                for index in 0..<grad.count { sumOfSquares += grad[index] * grad[index] }
            }
            deviation *= sumOfSquares.squareRoot()
        }
        var normals = self.normals
        parameters.forEachBorrowed { _, parameter in
            guard let grad = parameter.grad else { return }
            for index in 0..<grad.count { grad[index] += deviation * normals.next() }
        }
        self.normals = normals
    }
}

extension Trajectory {
    /// Notes the noise a run's gradients received (σ, its scale and the seed), if any.
    mutating func record(_ noise: GradientNoise?) {
        guard let noise else { return }
        gradientNoise = noise.sigma
        noiseScale = noise.scale.rawValue
        noiseSeed = noise.seed
    }
}
