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
public enum Ticks {
    static let mantissas: [Double] = [1, 2, 2.5, 5, 10]

    /// The nice step for about `maxCount` ticks over `lower...upper`.
    public static func niceStep(lower: Double, upper: Double, maxCount: Int) -> Double {
        let span = upper - lower
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(maxCount - 1, 1))
        let magnitude = pow(10, floor(log10(raw)))
        // A subnormal span has no power-of-ten step that counts ticks in finite numbers.
        guard magnitude.isNormal else { return span }
        for m in mantissas where m * magnitude >= raw * (1 - 1e-9) {
            let step = m * magnitude
            let count = floor(upper / step + 1e-9) - ceil(lower / step - 1e-9) + 1
            if count <= Double(maxCount) { return step }
        }
        return 10 * magnitude
    }

    /// Linear ticks: multiples of a nice step inside `lower...upper`, labelled with the decimals
    /// the step needs (so `0.5, 1, 1.5` read `0.5, 1.0, 1.5`).
    public static func linear(lower: Double, upper: Double, maxCount: Int = 7) -> [Tick] {
        guard lower.isFinite, upper.isFinite else { return [] }
        if lower == upper { return [Tick(value: lower, label: TickFormat.plain(lower, decimals: 3))] }
        let (lo, hi) = (min(lower, upper), max(lower, upper))
        let step = niceStep(lower: lo, upper: hi, maxCount: maxCount)
        let first = ceil(lo / step - 1e-9), last = floor(hi / step + 1e-9)
        guard last >= first else { return [] }
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let largest = values.map(abs).max() ?? 0
        if largest >= 1e5 || (step < 1e-3 && largest < 1e-2) {
            return values.map { Tick(value: $0, label: TickFormat.scientific($0, step: step)) }
        }
        let decimals = TickFormat.decimals(forStep: step)
        return values.map { Tick(value: $0, label: TickFormat.plain($0, decimals: decimals)) }
    }

    /// Log ticks: the powers of ten inside the range (every k-th one when there are more than
    /// `maxCount`), or 1-2-5 ticks when the range spans less than about two decades.
    public static func log(lower: Double, upper: Double, maxCount: Int = 7) -> [Tick] {
        guard lower > 0, upper > lower, upper.isFinite else { return [] }
        let first = Int(ceil(log10(lower) - 1e-9)), last = Int(floor(log10(upper) + 1e-9))
        let decades = last - first + 1
        if decades >= 2 {
            let every = max(1, Int((Double(decades) / Double(maxCount)).rounded(.up)))
            let anchored = stride(from: first, through: last, by: 1).filter { ($0 - first) % every == 0 }
            return anchored.map { Tick(value: pow(10, Double($0)), label: TickFormat.power(of: $0)) }
        }
        var ticks: [Tick] = []
        for exponent in (first - 1)...(last + 1) {
            for m in [1.0, 2, 5] {
                let v = m * pow(10, Double(exponent))
                if v >= lower * (1 - 1e-9), v <= upper * (1 + 1e-9) {
                    ticks.append(Tick(value: v, label: m == 1 ? TickFormat.power(of: exponent) : TickFormat.compact(v)))
                }
            }
        }
        return ticks.count >= 2 ? ticks : linear(lower: lower, upper: upper, maxCount: maxCount)
    }

    /// Symmetric-log ticks: zero, and ±c·10^k (every k-th power when crowded), with `c` the
    /// linear threshold.
    public static func symlog(lower: Double, upper: Double, linearThreshold c: Double, maxCount: Int = 9) -> [Tick] {
        guard c > 0, lower < upper else { return [] }
        let magnitude = max(abs(lower), abs(upper))
        guard magnitude > c else { return linear(lower: lower, upper: upper, maxCount: maxCount) }
        let top = Int(floor(log10(magnitude / c) + 1e-9))
        let perSide = (lower < 0 && upper > 0) ? max(1, (maxCount - 1) / 2) : max(1, maxCount - 1)
        let every = max(1, Int((Double(top + 1) / Double(perSide)).rounded(.up)))
        var values: [Double] = []
        for k in stride(from: top, through: 0, by: -every) { values.append(c * pow(10, Double(k))) }
        let tolerance = magnitude * 1e-9
        let all = (values.map { -$0 } + [0] + values.reversed()).filter { $0 >= lower - tolerance && $0 <= upper + tolerance }
        return all.map { Tick(value: $0, label: TickFormat.compact($0)) }
    }

    /// The ticks for `scale` over `lower...upper`.
    public static func forScale(_ scale: AxisScale, lower: Double, upper: Double, maxCount: Int = 7) -> [Tick] {
        switch scale {
        case .linear: return linear(lower: lower, upper: upper, maxCount: maxCount)
        case .log: return log(lower: lower, upper: upper, maxCount: maxCount)
        case .symlog(let c): return symlog(lower: lower, upper: upper, linearThreshold: c, maxCount: maxCount)
        }
    }
}

/// Number formatting for tick labels: a true minus sign (U+2212), no "-0", powers of ten with
/// superscript exponents.
public enum TickFormat {
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
    ]

    /// The number of decimals that show a step exactly (0.25 → 2, 5 → 0).
    public static func decimals(forStep step: Double) -> Int {
        for d in 0...12 {
            let scaled = step * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { return d }
        }
        return 12
    }

    /// `v` with a fixed number of decimals.
    public static func plain(_ v: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", v)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return minus(text)
    }

    /// "10ⁿ" with a superscript exponent.
    public static func power(of exponent: Int) -> String {
        "10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }

    /// "m×10ⁿ" with as few mantissa decimals as the step needs.
    public static func scientific(_ v: Double, step: Double) -> String {
        if v == 0 { return "0" }
        let exponent = Int(floor(log10(abs(v))))
        let mantissa = v / pow(10, Double(exponent))
        let stepDecimals = max(0, exponent - Int(floor(log10(step))))
        let m = plain(mantissa, decimals: min(stepDecimals, 3))
        return (m == "1" ? "" : m == "−1" ? "−" : m + "×") + power(of: exponent)
    }

    /// A short general-purpose label: fixed for 1e-3 ≤ |v| < 1e5, else scientific; trailing zeros
    /// trimmed. Used for colorbar levels, legend numbers and symlog ticks.
    public static func compact(_ v: Double, significant: Int = 3) -> String {
        if v == 0 { return "0" }
        if !v.isFinite { return v.isNaN ? "NaN" : (v < 0 ? "−∞" : "∞") }
        let a = abs(v)
        if a >= 1e-3, a < 1e5 {
            let decimals = max(0, significant - 1 - Int(floor(log10(a))))
            var text = String(format: "%.\(decimals)f", v)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return minus(text)
        }
        let exponent = Int(floor(log10(a)))
        var mantissa = String(format: "%.\(significant - 1)f", v / pow(10, Double(exponent)))
        while mantissa.contains("."), mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        mantissa = minus(mantissa)
        return (mantissa == "1" ? "" : mantissa == "−1" ? "−" : mantissa + "×") + power(of: exponent)
    }

    static func minus(_ text: String) -> String { text.replacingOccurrences(of: "-", with: "−") }
}
