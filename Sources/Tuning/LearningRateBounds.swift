import Foundation

/// The interval a learning-rate search explores, log-uniformly: lr = e^u for u in `logLower...logUpper`.
///
/// Both ends are natural logarithms, as in hyperopt's `hp.loguniform('lr', low, high)`, so
/// `LearningRateBounds(logLower: -8, logUpper: 0.5)` is lr in [e^-8, e^0.5] ≈ [3.4e-4, 1.65].
public struct LearningRateBounds: Codable, Sendable, Hashable, CustomStringConvertible {
    /// ln of the smallest learning rate tried.
    public let logLower: Double
    /// ln of the largest learning rate tried.
    public let logUpper: Double

    /// Throws unless both ends are finite and `logLower < logUpper`.
    public init(logLower: Double, logUpper: Double) throws(TuningError) {
        guard logLower.isFinite, logUpper.isFinite else {
            throw TuningError("learning-rate bounds e^\(logLower)..e^\(logUpper) are not finite: give two finite natural logarithms")
        }
        guard logLower < logUpper else {
            throw TuningError("learning-rate bounds e^\(logLower)..e^\(logUpper) are empty: the lower log must be below the upper one")
        }
        self.logLower = logLower
        self.logUpper = logUpper
    }

    /// Bounds given as learning rates rather than their logarithms; both must be positive.
    public init(lower: Double, upper: Double) throws(TuningError) {
        guard lower > 0, upper > 0 else {
            throw TuningError("learning-rate bounds \(lower)..\(upper) must be positive")
        }
        try self.init(logLower: log(lower), logUpper: log(upper))
    }

    /// The width of the log interval, `logUpper - logLower`.
    public var logWidth: Double { logUpper - logLower }

    /// The smallest learning rate, e^logLower.
    public var lower: Double { exp(logLower) }

    /// The largest learning rate, e^logUpper.
    public var upper: Double { exp(logUpper) }

    public var description: String { "e^\(logLower)..e^\(logUpper)" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lower = try container.decode(Double.self, forKey: .logLower)
        let upper = try container.decode(Double.self, forKey: .logUpper)
        do {
            try self.init(logLower: lower, logUpper: upper)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .logUpper, in: container, debugDescription: error.description)
        }
    }
}
