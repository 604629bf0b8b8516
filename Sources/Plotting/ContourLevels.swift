import Foundation

/// How contour levels are chosen from the data range.
public enum ContourLevels: Hashable, Sendable {
    /// About `count` bands at nice, evenly spaced values covering the finite data range.
    case linear(count: Int)
    /// About `count` bands at nice, geometrically spaced values (1, 2, 5 or 1, 3 per decade):
    /// the right choice for steep valleys such as Rosenbrock's. The lowest level is the
    /// smallest positive value, but at most `dynamicRange` decades below the maximum.
    case log(count: Int, dynamicRange: Double = 6)
    /// Exactly these levels (strictly increasing, finite; positive for a log scale).
    case explicit([Double], scale: AxisScale = .linear)

    /// The resolved levels for a field whose finite values span `range`.
    public func resolve(range: ClosedRange<Double>, smallestPositive: Double?) throws(PlotError) -> ColorLevels {
        switch self {
        case .linear(let count):
            guard count >= 1 else { throw PlotError("level count \(count) must be at least 1") }
            var (lo, hi) = (range.lowerBound, range.upperBound)
            if lo == hi { (lo, hi) = (lo - 1, hi + 1) }
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
            let first = floor(log10(lo) + 1e-9), last = ceil(log10(hi) - 1e-9)
            let decades = max(1, last - first)
            let perDecade = Double(count) / decades
            let mantissas: [Double] = perDecade >= 5 ? [1, 1.5, 2, 3, 5, 7] : perDecade >= 2.5 ? [1, 2, 5] : perDecade >= 1.5 ? [1, 3] : [1]
            let every = perDecade >= 0.75 ? 1 : Int((1 / perDecade).rounded(.up))
            var values: [Double] = []
            for e in stride(from: Int(first), through: Int(last), by: 1) where (e - Int(first)) % every == 0 {
                for m in mantissas { values.append(m * pow(10, Double(e))) }
            }
            let lastLevel = pow(10, Double(Int(first) + ((Int(last) - Int(first) + every - 1) / every) * every))
            values = values.filter { $0 < lastLevel * (1 - 1e-9) } + [lastLevel]
            return try ColorLevels(values: values, scale: .log)
        case .explicit(let values, let scale):
            return try ColorLevels(values: values, scale: scale)
        }
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
    /// Parses a levels option: `log` or `linear` (`defaultCount` bands), `N` or `linear:N` (about N linear bands), `log:N` (about N
    /// log-spaced bands), or an explicit comma-separated list `0.1,1,10` (log-scaled when every
    /// level is positive and they span more than two decades).
    /// The band count of a bare `log` or `linear`.
    public static let defaultCount = 14

    public init(parsing text: String) throws(PlotError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        func count(_ s: Substring) throws(PlotError) -> Int {
            guard let n = Int(s), n >= 1, n <= 200 else {
                throw PlotError("levels '\(text)': the count must be a whole number from 1 to 200, e.g. --levels log:14")
            }
            return n
        }
        if trimmed == "linear" || trimmed == "log" {
            self = trimmed == "log" ? .log(count: Self.defaultCount) : .linear(count: Self.defaultCount)
        } else if let n = Int(trimmed) {
            self = .linear(count: try count(Substring(String(n))))
        } else if trimmed.hasPrefix("linear:") {
            self = .linear(count: try count(trimmed.dropFirst(7)))
        } else if trimmed.hasPrefix("log:") {
            self = .log(count: try count(trimmed.dropFirst(4)))
        } else {
            let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var values: [Double] = []
            for part in parts {
                guard let v = Double(part), v.isFinite else {
                    throw PlotError("levels '\(text)': '\(part)' is not a number; give N, linear:N, log:N or a list like 0.1,1,10")
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
