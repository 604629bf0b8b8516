/// Standard normal numbers, N(0, 1), with the same bits on every machine: Marsaglia's polar
/// method over `SplitMix64`, with a logarithm computed by `portableLogarithm`.
///
/// Each pair: u, v = 2·U - 1 with U from the top 53 bits (uniform on [-1, 1)); s = u² + v²,
/// drawn again while s ≥ 1 or s = 0; then z₁ = u·√(-2 ln s / s), z₂ = v·√(-2 ln s / s). z₁ is
/// returned first, z₂ next. Only +, -, ×, ÷ and √ are used, which IEEE 754 rounds correctly
/// everywhere, and a logarithm made of them: libm's `log` (and Box–Muller's `sin`, `cos`) are
/// not required to round correctly, and glibc, Apple's libm and musl may differ in the last bit.
/// Swift does not contract a·b + c into a fused multiply-add unless asked, so the same seed
/// gives the same doubles on every platform that has IEEE doubles.
public struct NormalGenerator: Sendable {
    private var uniform: SplitMix64
    private var spare: Double?

    public init(seed: UInt64) {
        uniform = SplitMix64(seed: seed)
    }

    /// The next standard normal number.
    public mutating func next() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        while true {
            let u = 2 * uniform.nextUnit() - 1
            let v = 2 * uniform.nextUnit() - 1
            let s = u * u + v * v
            guard s < 1, s > 0 else { continue }
            let factor = (-2 * portableLogarithm(s) / s).squareRoot()
            spare = v * factor
            return u * factor
        }
    }
}

/// ln x for a finite x > 0, from IEEE arithmetic alone, so that it gives the same bits on every
/// machine (within about 2 ulp of the true value):
///
///     x = m·2^e with m in [√½, √2);  z = (m - 1)/(m + 1), |z| ≤ 0.172;
///     ln x = e·ln 2 + 2·(z + z³/3 + z⁵/5 + ... + z²⁵/25)
///
/// The series' first omitted term is below 2·0.172²⁷/27 ≈ 2e-22, far under an ulp of the result.
public func portableLogarithm(_ x: Double) -> Double {
    precondition(x > 0 && x.isFinite, "portableLogarithm needs a finite x > 0")
    var exponent = Double(x.exponent)
    var mantissa = x.significand
    if mantissa > 1.4142135623730951 {
        mantissa /= 2
        exponent += 1
    }
    let z = (mantissa - 1) / (mantissa + 1)
    let z2 = z * z
    var series = 0.0
    for k in stride(from: 25, through: 3, by: -2) { series = (series + 1 / Double(k)) * z2 }
    let lnM = 2 * z * (1 + series)
    return exponent * 0.693_147_180_559_945_3 + lnM
}
