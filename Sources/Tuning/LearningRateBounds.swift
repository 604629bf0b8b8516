/// The interval a learning-rate search explores, log-uniformly: lr = e^u for u in `logLower...logUpper`.
public struct LearningRateBounds: Sendable, Equatable {
    /// ln of the smallest learning rate tried.
    public var logLower: Double
    /// ln of the largest learning rate tried.
    public var logUpper: Double

    public init(logLower: Double, logUpper: Double) {
        self.logLower = logLower
        self.logUpper = logUpper
    }
}
