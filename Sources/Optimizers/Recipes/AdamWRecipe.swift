extension OptimizerCatalog {
    /// `torch.optim.AdamW`. Adam-like steps are about lr per coordinate: Adam's e^-8..e^0.5.
    static let adamw = OptimizerDefinition(
        "adamw", .torch("AdamW"), families: [.adam], search: -8...0.5, channels: [.firstMoment],
        options: [.lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("decoupled decay: p ← p·(1 - lr·wd)", default: 1e-2), .amsgrad]
    ) { s in
        chain(DecayParameters(rate: s[.lr] * s[.weightDecay]), ScaleByAdam(torch: s), ScaleByLearningRate(s[.lr]))
    }
}
