import Foundation

/// Number formatting for tick labels: a true minus sign (U+2212), no "-0", powers of ten with
/// superscript exponents.
public enum TickFormat {
    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
    ]

    /// The number of decimals that show a step exactly (0.25 → 2, 5 → 0, 1e-7 → 7): the
    /// fewest `d` with `step × 10^d` within 1e-6 (relative) of a whole number.
    public static func decimals(forStep step: Double) -> Int {
        let magnitude = abs(step)
        guard magnitude > 0, magnitude.isFinite else { return 0 }
        for d in 0...17 {
            let scaled = magnitude * pow(10, Double(d))
            if abs(scaled - scaled.rounded()) < 1e-6 * scaled { return d }
        }
        return 17
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

    /// `v` in as few significant digits as read back to exactly `v` (up to 17), laid out as
    /// `compact`: "1.5", "10⁶", "1.000002×10⁶". Used for axis offsets.
    public static func exact(_ v: Double) -> String {
        guard v != 0, v.isFinite else { return compact(v) }
        let digits = (1...17).first { Double(String(format: "%.\($0 - 1)e", v)) == v } ?? 17
        return compact(v, significant: digits)
    }

    static func minus(_ text: String) -> String { text.replacingOccurrences(of: "-", with: "−") }
}
