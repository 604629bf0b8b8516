import Foundation

/// The ticks of one axis and how their labels read, as matplotlib's `ScalarFormatter` does:
/// a label reads `label × 10^exponent + offset`. When the range is far from zero compared with
/// its span (1000000...1000001), the leading digits every value shares become the `offset`
/// ("+10⁶"); when the values are very small or large, they share a power of ten ("×10⁻⁷").
/// The `annotation` says both once, at the axis end. A collection of its ticks.
public struct AxisTicks: RandomAccessCollection, Hashable, Sendable {
    public var ticks: [Tick]
    /// Added to every label's value; 0 for none.
    public var offset: Double
    /// Every label's value is multiplied by 10^exponent; 0 for none.
    public var exponent: Int

    /// The lowest power of ten (as an exponent) above which, and the highest below which,
    /// labels share a multiplier: values of 10⁵ and more, and below 10⁻², read as "×10ⁿ".
    public static let powerLimits = (lower: -3, upper: 5)
    /// An offset is used only when it saves at least this many leading digits.
    public static let offsetDigits = 4

    public init(ticks: [Tick] = [], offset: Double = 0, exponent: Int = 0) {
        self.ticks = ticks
        self.offset = offset
        self.exponent = exponent
    }

    /// Ticks at `values`, multiples of `step`, on an axis over `lower...upper`: the offset and
    /// exponent follow from the range alone (`labelling`), the labels show `(v − offset) /
    /// 10^exponent` with the decimals that `step / 10^exponent` needs, so consecutive labels
    /// differ in their last digit.
    public init(values: [Double], step: Double, lower: Double, upper: Double) {
        let (offset, exponent) = Self.labelling(lower: lower, upper: upper)
        let decimals = TickFormat.decimals(forStep: Self.scaled(step, down: exponent))
        let ticks = values.map { v in
            Tick(value: v, label: TickFormat.plain(Self.scaled(v - offset, down: exponent), decimals: decimals))
        }
        self.init(ticks: ticks, offset: offset, exponent: exponent)
    }

    /// The offset and exponent of a linear axis over `lower...upper` (matplotlib's
    /// `_compute_offset` and `_set_order_of_magnitude`, decided by the range rather than the
    /// ticks, so that they do not change with the tick count). The offset is 0 unless both ends
    /// have one sign and share at least `offsetDigits` leading digits: it is those digits,
    /// `sign × ⌊|max| / 10^k⌋ × 10^k` with `10^k` the smallest power at which the ends agree
    /// (or differ by at most one, when the span straddles a round number). The exponent is
    /// `⌊log10(span)⌋` with an offset, `⌊log10(max |v|)⌋` without, when that is at most −3 or
    /// at least 5; else 0.
    public static func labelling(lower: Double, upper: Double) -> (offset: Double, exponent: Int) {
        let (lo, hi) = (Swift.min(lower, upper), Swift.max(lower, upper))
        guard lo.isFinite, hi.isFinite, hi > lo else { return (0, 0) }
        var offset = 0.0
        if lo > 0 || hi < 0 {
            let absMin = Swift.min(abs(lo), abs(hi)), absMax = Swift.max(abs(lo), abs(hi))
            let topPower = Int(ceil(log10(absMax)))
            func digits(_ v: Double, _ power: Int) -> Double { floor(scaled(v, down: power)) }
            func finest(where differ: (Int) -> Bool) -> Int {
                var power = topPower
                while power > topPower - 340, !differ(power) { power -= 1 }
                return power + 1
            }
            var power = finest { digits(absMin, $0) != digits(absMax, $0) }
            if scaled(absMax - absMin, down: power) <= 1e-2 {
                power = finest { digits(absMax, $0) - digits(absMin, $0) > 1 }
            }
            let shared = digits(absMax, power)
            if shared >= pow(10, Double(offsetDigits - 1)) { offset = (lo > 0 ? 1 : -1) * scaled(shared, up: power) }
        }
        let reference = offset != 0 ? hi - lo : Swift.max(abs(lo), abs(hi))
        let power = Int(floor(log10(reference)))
        let exponent = power <= powerLimits.lower || power >= powerLimits.upper ? power : 0
        return (offset, exponent)
    }

    /// What the labels leave out, for the axis end: "×10⁻⁶", "+10⁶", "×10⁻⁶ +1.5"; nil when
    /// labels read as they are.
    public var annotation: String? {
        var parts: [String] = []
        if exponent != 0 { parts.append("×" + TickFormat.power(of: exponent)) }
        if offset != 0 { parts.append((offset < 0 ? "−" : "+") + TickFormat.exact(abs(offset))) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `v / 10^power`, multiplying by the exact power of ten where that is the more precise.
    static func scaled(_ v: Double, down power: Int) -> Double {
        power >= 0 ? v / pow(10, Double(power)) : v * pow(10, Double(-power))
    }

    /// `v × 10^power`.
    static func scaled(_ v: Double, up power: Int) -> Double { scaled(v, down: -power) }

    public var startIndex: Int { ticks.startIndex }
    public var endIndex: Int { ticks.endIndex }
    public subscript(position: Int) -> Tick { ticks[position] }
}
