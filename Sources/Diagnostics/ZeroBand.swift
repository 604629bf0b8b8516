import Foundation

/// A log axis for magnitudes that may be exactly zero, such as |Δg|.
///
/// Zero has no place on a log axis, so exact zeros are drawn on a marked band below every
/// tick. With 10ᵏ the power of ten at or below the smallest positive value, the axis runs from
/// 10^(k − 0.9) to the largest value (at least 10^(k + 2), so that the ticks are powers of
/// ten); the lowest tick is 10ᵏ and the band lies at 10^(k − 0.5), between it and the bottom
/// edge. The legend names the band, so no one reads it as a small non-zero value.
public struct ZeroBand: Sendable, Equatable {
    /// The y range of the axis.
    public let range: ClosedRange<Double>
    /// Where exact zeros are drawn.
    public let level: Double
    /// The lowest power of ten on the axis: every tick is at or above it.
    public let lowestTick: Double

    /// The axis for `values`; only the finite positive ones set its range (k = 0 when none;
    /// k ≥ −300 and the top at most 10³⁰⁸, so that the range stays finite and positive).
    public init(fitting values: [Double]) {
        let positive = values.filter { $0 > 0 && $0.isFinite }
        let k = max(positive.min().map { floor(log10($0)) } ?? 0, -300)
        let top = max(positive.max().map(log10) ?? k, k + 2)
        lowestTick = pow(10, k)
        level = pow(10, k - 0.5)
        range = pow(10, k - 0.9)...pow(10, min(top + 0.05 * (top - k + 0.9), 308))
    }

    /// `values` as a line on the log axis: positive values as they are, zeros (and anything
    /// non-positive) as gaps.
    public func line(_ values: [Double]) -> [Double] { values.map { $0 > 0 ? $0 : .nan } }

    /// The markers that go with `line(values)`: exact zeros on the band, and positive values
    /// that have no positive neighbour (a line of one point draws nothing); NaN elsewhere.
    public func markers(_ values: [Double]) -> [Double] {
        values.indices.map { index in
            if values[index] == 0 { return level }
            let before = index > 0 && values[index - 1] > 0
            let after = index + 1 < values.count && values[index + 1] > 0
            return values[index] > 0 && !before && !after ? values[index] : .nan
        }
    }
}
