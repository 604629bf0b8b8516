import Foundation

/// How contour levels are chosen from the data range.
public enum ContourLevels: Hashable, Sendable {
    /// About `count` bands at nice, evenly spaced values covering the finite data range.
    case linear(count: Int)
    /// About `count` bands at nice, geometrically spaced values (1, 2, 5 or 1, 3 per decade):
    /// the right choice for steep valleys such as Rosenbrock's. The lowest level is the
    /// smallest positive value, but at most `dynamicRange` decades below the maximum.
    case log(count: Int, dynamicRange: Double = 6)
    /// About `count` bands on a symmetric-log scale (`AxisScale.symlog`), for fields with
    /// both signs: `f(v) = sign(v) (1 + log10(|v| / c))` beyond the linear threshold
    /// `c = 10^(⌈log10 max|v|⌉ − dynamicRange)` and `v / c` within it. Levels are 0, ±c and
    /// ±m·c·10^k with mantissas `m` of 1, 2, 5 (or 1, 3, or 1) per decade as the count allows,
    /// out to the decade that holds each end of the data.
    case symlog(count: Int, dynamicRange: Double = 3)
    /// Exactly these levels (strictly increasing, finite; positive for a log scale).
    case explicit([Double], scale: AxisScale = .linear)

    /// The resolved levels for a field whose finite values span `range`.
    public func resolve(range: ClosedRange<Double>, smallestPositive: Double?) throws(PlotError) -> ColorLevels {
        switch self {
        case .linear(let count):
            guard count >= 1 else { throw PlotError("level count \(count) must be at least 1") }
            let padded = Ticks.nonsingular(lower: range.lowerBound, upper: range.upperBound)
            let (lo, hi) = (padded.lowerBound, padded.upperBound)
            let step = Ticks.niceStep(lower: lo, upper: hi, maxCount: count + 1)
            let first = floor(lo / step + 1e-9), last = ceil(hi / step - 1e-9)
            let values = stride(from: first, through: last, by: 1).map { $0 * step }
            return try ColorLevels(values: values.count >= 2 ? values : [lo, hi], scale: .linear)
        case .log(let count, let dynamicRange):
            guard count >= 1 else { throw PlotError("level count \(count) must be at least 1") }
            guard range.upperBound > 0 else {
                throw PlotError("log-spaced levels need positive values, but the field's maximum is \(TickFormat.compact(range.upperBound)): use linear levels")
            }
            let hi = range.upperBound
            let lo = max(smallestPositive ?? hi * 1e-3, hi * pow(10, -dynamicRange), range.lowerBound > 0 ? range.lowerBound : 0)
            // Values below zero would all be painted as the lowest band; a negative value smaller
            // in magnitude than the lowest level belongs there anyway (rounding about a zero minimum).
            if range.lowerBound < 0, -range.lowerBound > lo {
                throw PlotError(
                    "log-spaced levels cannot show this function's negative values (down to \(TickFormat.compact(range.lowerBound)) on the plotted domain): use --levels symlog (symmetric log) or --levels linear")
            }
            let first = floor(log10(lo) + 1e-9), last = ceil(log10(hi) - 1e-9)
            let decades = max(1, last - first)
            let perDecade = Double(count) / decades
            let mantissas = Self.mantissas(perDecade: perDecade)
            let every = perDecade >= 0.75 ? 1 : Int((1 / perDecade).rounded(.up))
            var values: [Double] = []
            for e in stride(from: Int(first), through: Int(last), by: 1) where (e - Int(first)) % every == 0 {
                for m in mantissas { values.append(m * pow(10, Double(e))) }
            }
            let lastLevel = pow(10, Double(Int(first) + ((Int(last) - Int(first) + every - 1) / every) * every))
            values = values.filter { $0 < lastLevel * (1 - 1e-9) } + [lastLevel]
            return try ColorLevels(values: values, scale: .log)
        case .symlog(let count, let dynamicRange):
            guard count >= 1 else { throw PlotError("level count \(count) must be at least 1") }
            let magnitude = max(abs(range.lowerBound), abs(range.upperBound))
            guard magnitude > 0, magnitude.isFinite else { return try ContourLevels.linear(count: count).resolve(range: range, smallestPositive: smallestPositive) }
            let c = pow(10, ceil(log10(magnitude)) - dynamicRange)
            // Whole decades beyond c on each side, out to the one that holds the data's end.
            func decades(_ end: Double) -> Int { end > c ? max(1, Int(ceil(log10(end / c) - 1e-9))) : 0 }
            let below = decades(-range.lowerBound), above = decades(range.upperBound)
            let mantissas = Self.mantissas(perDecade: Double(max(count - 2, 1)) / Double(max(below + above, 1)))
            func side(_ decades: Int) -> [Double] {
                (0..<decades).flatMap { k in mantissas.map { $0 * c * pow(10, Double(k)) } } + [c * pow(10, Double(decades))]
            }
            let negative = range.lowerBound < 0 ? side(below).map { -$0 }.reversed() : []
            let positive = range.upperBound > 0 ? side(above) : []
            return try ColorLevels(values: negative + [0] + positive, scale: .symlog(linearThreshold: c))
        case .explicit(let values, let scale):
            return try ColorLevels(values: values, scale: scale)
        }
    }

    /// The mantissas of the levels in each decade, as many as `perDecade` allows.
    static func mantissas(perDecade: Double) -> [Double] {
        perDecade >= 5 ? [1, 1.5, 2, 3, 5, 7] : perDecade >= 2.5 ? [1, 2, 5] : perDecade >= 1.5 ? [1, 3] : [1]
    }
}

/// Resolved, strictly increasing contour levels and the scale they are spaced on. `n` levels
/// bound `n - 1` bands; values beyond the ends belong to the end bands.
public struct ColorLevels: Hashable, Sendable {
    public let values: [Double]
    public let scale: AxisScale

    public init(values: [Double], scale: AxisScale) throws(PlotError) {
        guard values.count >= 2 else { throw PlotError("contour levels \(values) are too few: give at least two levels") }
        guard values.allSatisfy(\.isFinite) else { throw PlotError("contour levels \(values) include a non-finite value") }
        guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw PlotError("contour levels \(values) are not strictly increasing: list them from low to high without repeats")
        }
        if scale == .log, values[0] <= 0 {
            throw PlotError("log-scaled contour levels must be positive, but the first is \(TickFormat.compact(values[0]))")
        }
        self.values = values
        self.scale = scale
    }

    public var bandCount: Int { values.count - 1 }

    /// The band holding `v`: 0 below the second level, `bandCount - 1` above the second to last.
    @inline(__always)
    public func band(of v: Double) -> Int {
        var lo = 0, hi = values.count - 1  // invariant: band in lo..<hi
        while hi - lo > 1 {
            let mid = (lo + hi) >> 1
            if v >= values[mid] { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The position of `v` along the scale, 0 at the first level and 1 at the last (unclamped).
    public func fraction(_ v: Double) -> Double {
        let a = scale.forward(values[0]), b = scale.forward(values[values.count - 1])
        return (scale.forward(v) - a) / (b - a)
    }
}

extension ContourLevels {
    /// The band count of a bare `log`, `symlog` or `linear`.
    public static let defaultCount = 14

    /// Parses a levels option: `log`, `symlog` or `linear` (`defaultCount` bands), `N` or
    /// `linear:N` (about N linear bands), `log:N` or `symlog:N` (about N log-spaced or
    /// symmetric-log bands), or an explicit comma-separated list `0.1,1,10` (log-scaled when
    /// every level is positive and they span more than two decades).
    public init(parsing text: String) throws(PlotError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        func count(_ s: Substring) throws(PlotError) -> Int {
            guard let n = Int(s), n >= 1, n <= 200 else {
                throw PlotError("levels '\(text)': the count must be a whole number from 1 to 200, e.g. --levels log:14")
            }
            return n
        }
        if trimmed == "linear" || trimmed == "log" || trimmed == "symlog" {
            self = trimmed == "log" ? .log(count: Self.defaultCount) : trimmed == "symlog" ? .symlog(count: Self.defaultCount) : .linear(count: Self.defaultCount)
        } else if let n = Int(trimmed) {
            self = .linear(count: try count(Substring(String(n))))
        } else if trimmed.hasPrefix("linear:") {
            self = .linear(count: try count(trimmed.dropFirst(7)))
        } else if trimmed.hasPrefix("log:") {
            self = .log(count: try count(trimmed.dropFirst(4)))
        } else if trimmed.hasPrefix("symlog:") {
            self = .symlog(count: try count(trimmed.dropFirst(7)))
        } else {
            let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var values: [Double] = []
            for part in parts {
                guard let v = Double(part), v.isFinite else {
                    throw PlotError("levels '\(text)': '\(part)' is not a number; give N, linear:N, log:N, symlog:N or a list like 0.1,1,10")
                }
                values.append(v)
            }
            let positive = values.allSatisfy { $0 > 0 }
            let wide = positive && (values.max() ?? 1) / (values.min() ?? 1) > 100
            _ = try ColorLevels(values: values, scale: wide ? .log : .linear)
            self = .explicit(values, scale: wide ? .log : .linear)
        }
    }
}
