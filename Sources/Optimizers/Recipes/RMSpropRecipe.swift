extension OptionKey where Value == Bool {
    static var centered: Self { .init("centered") }
}

extension OptimizerCatalog {
    /// `torch.optim.RMSprop`. Its first step is lr/√(1-α) = 10·lr, so its search stops at SGD's e^-1.
    static let rmsprop = OptimizerDefinition(
        "rmsprop", .torch("RMSprop"), families: [.classic], search: -8 ... -1,
        options: [
            .lr(1e-2),
            OptimizerOption(.alpha, 0.99, .unitInterval, "smoothing constant"),
            .eps(1e-8),
            .weightDecay("L2 penalty added to the gradient"),
            OptimizerOption(.momentum, 0, .nonNegative, "momentum factor", search: 0...0.99),
            OptimizerOption(.centered, false, .any, "normalise by the estimated variance"),
        ]
    ) { s in
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: false),
            ScaleByRMSprop(alpha: s[.alpha], epsilon: s[.eps], momentum: s[.momentum], centered: s[.centered]),
            ScaleByLearningRate(s[.lr]))
    }
}
