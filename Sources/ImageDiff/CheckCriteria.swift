/// The number that decides whether an image passes.
public enum ComparisonMetric: String, Sendable, CaseIterable, Codable {
    /// pixelmatch's count of mismatched pixels, against `maxDiffPixels` or `maxDiffPercent`.
    case pixelmatch
    /// matplotlib's RMS difference, against `rmsTolerance`.
    case rms
}

/// When an image passes. Both metrics are always measured and reported; `metric` picks the one
/// that decides.
public struct CheckCriteria: Sendable, Equatable {
    /// The deciding metric. Default `.pixelmatch`.
    public var metric: ComparisonMetric
    /// pixelmatch's per-pixel threshold, anti-aliasing handling and diff-image style.
    public var pixelmatch: PixelmatchOptions
    /// With `.pixelmatch`: the most mismatched pixels allowed (default 0 when neither limit is set).
    public var maxDiffPixels: Int?
    /// With `.pixelmatch`: the largest mismatched share allowed, in percent of the pixels (0...100).
    /// Set at most one of `maxDiffPixels` and `maxDiffPercent`.
    public var maxDiffPercent: Double?
    /// With `.rms`: the largest RMS allowed, in 0...255 (matplotlib's `tol`). Default 0.
    public var rmsTolerance: Double

    public init(
        metric: ComparisonMetric = .pixelmatch, pixelmatch: PixelmatchOptions = PixelmatchOptions(),
        maxDiffPixels: Int? = nil, maxDiffPercent: Double? = nil, rmsTolerance: Double = 0
    ) {
        self.metric = metric
        self.pixelmatch = pixelmatch
        self.maxDiffPixels = maxDiffPixels
        self.maxDiffPercent = maxDiffPercent
        self.rmsTolerance = rmsTolerance
    }

    /// Whether an image of `pixelCount` pixels with these measurements passes.
    public func passes(mismatchedPixels: Int, pixelCount: Int, rms: Double) -> Bool {
        switch metric {
        case .rms:
            return rms <= rmsTolerance
        case .pixelmatch:
            if let maxDiffPercent {
                return mismatchPercent(mismatchedPixels, of: pixelCount) <= maxDiffPercent
            }
            return mismatchedPixels <= (maxDiffPixels ?? 0)
        }
    }

    /// "threshold 0.1, at most 0 mismatched pixels" and the like, for messages.
    public var summary: String {
        switch metric {
        case .rms:
            return "RMS at most \(rmsTolerance)"
        case .pixelmatch:
            let limit = maxDiffPercent.map { "at most \($0)% mismatched pixels" } ?? "at most \(maxDiffPixels ?? 0) mismatched pixels"
            return "threshold \(pixelmatch.threshold)\(pixelmatch.includeAA ? " with anti-aliasing counted" : ""), \(limit)"
        }
    }
}

/// `count` as a percentage of `total` (0 for an empty image).
func mismatchPercent(_ count: Int, of total: Int) -> Double {
    total == 0 ? 0 : Double(count) / Double(total) * 100
}
