import Foundation

/// One labelled tick on an axis or colorbar.
public struct Tick: Hashable, Sendable {
    public var value: Double
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Tick selection in the manner of Heckbert's "nice numbers" and matplotlib's `MaxNLocator`:
/// steps of 1, 2, 2.5 or 5 times a power of ten, at most `maxCount` ticks inside the range.
/// Every function first widens a range too narrow to label (`nonsingular`), and every result
/// has distinct labels that read back to their tick values (see `AxisTicks`).
public enum Ticks {
    static let mantissas: [Double] = [1, 2, 2.5, 5, 10]

    /// The nice step for about `maxCount` ticks over `lower...upper`.
    public static func niceStep(lower: Double, upper: Double, maxCount: Int) -> Double {
        let intervals = Double(max(maxCount - 1, 1))
        // hi/n − lo/n rather than (hi − lo)/n: the span of ±1e308 overflows.
        let raw = upper / intervals - lower / intervals
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        // A subnormal span has no power-of-ten step that counts ticks in finite numbers.
        guard magnitude.isNormal else { return raw * intervals }
        for m in mantissas where m * magnitude >= raw * (1 - 1e-9) {
            let step = m * magnitude
            let count = floor(upper / step + 1e-9) - ceil(lower / step - 1e-9) + 1
            if count <= Double(maxCount) { return step }
        }
        return 10 * magnitude
    }

    /// The next smaller nice step: 5 → 2.5 → 2 → 1 → 0.5 (times a power of ten).
    static func finer(_ step: Double) -> Double {
        let magnitude = pow(10, floor(log10(step)))
        let mantissa = step / magnitude
        return mantissa > 4.9 ? 2.5 * magnitude : mantissa > 2.4 ? 2 * magnitude : mantissa > 1.9 ? magnitude : 0.5 * magnitude
    }

    /// The smallest relative span that is labelled as it is: `upper − lower` must exceed
    /// `relativeResolution × max(|lower|, |upper|)`, else the range is widened.
    public static let relativeResolution = 1e-12

    /// `lower...upper` (in either order), widened when it is too narrow to label, as
    /// matplotlib's `nonsingular` does: non-finite ends or magnitudes below 1e-290 become
    /// −1...1 (1...10 on a log scale); a span of at most `relativeResolution` of the magnitude
    /// grows by 5 % of each end's magnitude (to −1...1 when both ends are 0).
    public static func nonsingular(lower: Double, upper: Double, scale: AxisScale = .linear) -> ClosedRange<Double> {
        let fallback: ClosedRange<Double> = scale == .log ? 1...10 : -1...1
        guard lower.isFinite, upper.isFinite else { return fallback }
        let (lo, hi) = (min(lower, upper), max(lower, upper))
        if scale == .log, lo <= 0 { return fallback }
        let magnitude = max(abs(lo), abs(hi))
        guard magnitude >= 1e-290 else { return fallback }
        guard hi - lo <= magnitude * relativeResolution else { return lo...hi }
        return (lo - 0.05 * abs(lo))...(hi + 0.05 * abs(hi))
    }

    /// Linear ticks: multiples of a nice step inside the range, labelled with the decimals the
    /// step needs, relative to a shared offset and power of ten where the values need one
    /// (`AxisTicks.labelling`).
    public static func linear(lower: Double, upper: Double, maxCount: Int = 7) -> AxisTicks {
        guard lower.isFinite, upper.isFinite else { return AxisTicks() }
        let range = nonsingular(lower: lower, upper: upper)
        let (lo, hi) = (range.lowerBound, range.upperBound)
        var step = niceStep(lower: lo, upper: hi, maxCount: maxCount)
        var first = ceil(lo / step - 1e-9), last = floor(hi / step + 1e-9)
        // A step as wide as the range may have no multiple inside it: take finer nice steps.
        while last < first {
            step = finer(step)
            (first, last) = (ceil(lo / step - 1e-9), floor(hi / step + 1e-9))
        }
        let values = stride(from: first, through: last, by: 1).map { $0 * step }.filter { $0 >= lo && $0 <= hi }
        return AxisTicks(values: values, step: step, lower: lo, upper: hi)
    }

    /// Log ticks: the powers of ten inside the range (every k-th one when there are more than
    /// `maxCount`), or 1-2-5 ticks when the range spans less than about two decades, or linear
    /// ticks when fewer than two of those fall inside.
    public static func log(lower: Double, upper: Double, maxCount: Int = 7) -> AxisTicks {
        guard lower > 0, upper > 0, lower.isFinite, upper.isFinite else { return AxisTicks() }
        let range = nonsingular(lower: lower, upper: upper, scale: .log)
        let (lo, hi) = (range.lowerBound, range.upperBound)
        let first = Int(ceil(log10(lo) - 1e-9)), last = Int(floor(log10(hi) + 1e-9))
        let decades = last - first + 1
        if decades >= 2 {
            let every = max(1, Int((Double(decades) / Double(maxCount)).rounded(.up)))
            let anchored = stride(from: first, through: last, by: 1).filter { ($0 - first) % every == 0 }
            let ticks = anchored.map { Tick(value: pow(10, Double($0)), label: TickFormat.power(of: $0)) }
            return AxisTicks(ticks: ticks.filter { $0.value >= lo && $0.value <= hi })
        }
        var ticks: [Tick] = []
        for exponent in (first - 1)...(last + 1) {
            for m in [1.0, 2, 5] {
                let v = m * pow(10, Double(exponent))
                if v >= lo, v <= hi {
                    ticks.append(Tick(value: v, label: m == 1 ? TickFormat.power(of: exponent) : TickFormat.compact(v)))
                }
            }
        }
        return ticks.count >= 2 ? AxisTicks(ticks: ticks) : linear(lower: lo, upper: hi, maxCount: maxCount)
    }

    /// Symmetric-log ticks: zero, and ±c·10^k (every k-th power when crowded), with `c` the
    /// linear threshold; linear ticks when fewer than two of those fall inside the range.
    public static func symlog(lower: Double, upper: Double, linearThreshold c: Double, maxCount: Int = 9) -> AxisTicks {
        guard c > 0, lower.isFinite, upper.isFinite else { return AxisTicks() }
        let range = nonsingular(lower: lower, upper: upper)
        let (lo, hi) = (range.lowerBound, range.upperBound)
        let magnitude = max(abs(lo), abs(hi))
        guard magnitude > c else { return linear(lower: lo, upper: hi, maxCount: maxCount) }
        let top = Int(floor(log10(magnitude / c) + 1e-9))
        let powers = (0...top).map { c * pow(10, Double($0)) }
        let candidates = (powers.map { -$0 } + [0] + powers).filter { $0 >= lo && $0 <= hi }
        guard candidates.count >= 2 else { return linear(lower: lo, upper: hi, maxCount: maxCount) }
        // Crowded: every k-th power, counted down from the largest, and zero.
        let every = max(1, Int((Double(candidates.count) / Double(maxCount)).rounded(.up)))
        let thinned = candidates.filter { $0 == 0 || (top - Int(log10(abs($0) / c).rounded())) % every == 0 }
        let values = thinned.count >= 2 ? thinned : candidates
        return AxisTicks(ticks: values.map { Tick(value: $0, label: TickFormat.compact($0, significant: 6)) })
    }

    /// The ticks for `scale` over `lower...upper`.
    public static func forScale(_ scale: AxisScale, lower: Double, upper: Double, maxCount: Int = 7) -> AxisTicks {
        switch scale {
        case .linear: return linear(lower: lower, upper: upper, maxCount: maxCount)
        case .log: return log(lower: lower, upper: upper, maxCount: maxCount)
        case .symlog(let c): return symlog(lower: lower, upper: upper, linearThreshold: c, maxCount: maxCount)
        }
    }
}
