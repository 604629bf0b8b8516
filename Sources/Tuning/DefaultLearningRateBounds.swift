import Optimizers

extension LearningRateBounds {
    /// The search interval an optimizer's definition gives (`learningRateSearch`, natural
    /// logarithms of lr). Each recipe says why its interval is what it is.
    public static func defaults(for optimizer: OptimizerDefinition) -> LearningRateBounds {
        let interval = optimizer.learningRateSearch
        return interval.lowerBound < interval.upperBound && interval.lowerBound.isFinite && interval.upperBound.isFinite
            ? LearningRateBounds(uncheckedLogLower: interval.lowerBound, logUpper: interval.upperBound) : fallback
    }

    /// For an optimizer the catalog does not know: e^-8..e^0, lr from 3.4e-4 to 1.
    public static let fallback = LearningRateBounds(uncheckedLogLower: -8, logUpper: 0)

    /// The interval for `optimizer` (a spec name such as `adam`, case-insensitive), or
    /// `fallback` when the catalog has no such optimizer.
    public static func defaults(forOptimizer optimizer: String) -> LearningRateBounds {
        OptimizerCatalog.definition(named: optimizer).map(defaults(for:)) ?? fallback
    }

    private init(uncheckedLogLower logLower: Double, logUpper: Double) {
        self.logLower = logLower
        self.logUpper = logUpper
    }
}
