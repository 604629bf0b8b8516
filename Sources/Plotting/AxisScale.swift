import Foundation

/// How data values map onto an axis before the linear stretch to pixels.
public enum AxisScale: Hashable, Sendable {
    /// `f(v) = v`.
    case linear
    /// `f(v) = log10(v)`; values `<= 0` have no position (they are dropped from lines).
    case log
    /// Symmetric log (matplotlib's `symlog` with base 10 and `linscale = 1`):
    /// `f(v) = v / c` for `|v| <= c`, and `sign(v) (1 + log10(|v| / c))` beyond, with `c > 0`
    /// the linear threshold. Keeps zero and signs visible while compressing large magnitudes.
    case symlog(linearThreshold: Double)

    /// The scaled coordinate of `v`; NaN when `v` has none (non-positive on a log axis).
    public func forward(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log: return v > 0 ? log10(v) : .nan
        case .symlog(let c):
            let a = abs(v)
            if a <= c { return v / c }
            return (v < 0 ? -1 : 1) * (1 + log10(a / c))
        }
    }

    /// The data value whose scaled coordinate is `u`.
    public func inverse(_ u: Double) -> Double {
        switch self {
        case .linear: return u
        case .log: return pow(10, u)
        case .symlog(let c):
            let a = abs(u)
            if a <= 1 { return u * c }
            return (u < 0 ? -1 : 1) * c * pow(10, a - 1)
        }
    }
}
