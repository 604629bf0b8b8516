extension OptimizerCatalog {
    /// torch_optimizer's `Lookahead` over `torch.optim.Adam`. Adam-like steps: Adam's e^-8..e^0.5.
    static let lookahead = OptimizerDefinition(
        "lookahead", .torchOptimizer("Lookahead", note: "over torch.optim.Adam"), families: [.lookahead], search: -8...0.5, channels: [.firstMoment],
        options: [
            .lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("Adam's L2 penalty added to the gradient"), .amsgrad,
            .lookaheadK(5), .lookaheadAlpha,
        ]
    ) { s in
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: false), ScaleByAdam(torch: s), ScaleByLearningRate(s[.lr]),
            Lookahead(k: s[.k], alpha: s[.alpha], schedule: .torchOptimizer))
    }
}
