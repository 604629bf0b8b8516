extension OptimizerCatalog {
    /// `torch.optim.RAdam`. Searched over jettify's e^-8..e^0.5.
    static let radam = OptimizerDefinition(
        "radam", .torch("RAdam"), families: [.adam], search: -8...0.5, channels: [.firstMoment],
        options: [
            .lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("L2 penalty (decoupled with decoupled_weight_decay)"),
            .decoupledWeightDecay,
        ]
    ) { s in
        chain(
            eitherWeightDecay(s[.weightDecay], decoupledRate: s[.decoupledWeightDecay] ? s[.lr] * s[.weightDecay] : nil, inPlace: false),
            ScaleByRAdam(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps]),
            ScaleByLearningRate(s[.lr]))
    }
}
