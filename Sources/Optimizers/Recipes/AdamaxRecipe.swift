extension OptimizerCatalog {
    /// `torch.optim.Adamax`. Adam-like steps: Adam's e^-8..e^0.5.
    static let adamax = OptimizerDefinition(
        "adamax", .torch("Adamax"), families: [.adam], search: -8...0.5, channels: [.firstMoment],
        options: [.lr(2e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("L2 penalty added to the gradient")]
    ) { s in
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: false), ScaleByAdamax(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps]),
            ScaleByLearningRate(s[.lr]))
    }
}
