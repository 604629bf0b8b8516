extension OptionKey where Value == Double {
    static var momentumDecay: Self { .init("momentum_decay") }
}

extension OptimizerCatalog {
    /// `torch.optim.NAdam`. Adam-like steps: Adam's e^-8..e^0.5.
    static let nadam = OptimizerDefinition(
        "nadam", .torch("NAdam"), families: [.adam], search: -8...0.5, channels: [.firstMoment],
        options: [
            .lr(2e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("L2 penalty (decoupled with decoupled_weight_decay)"),
            OptimizerOption(.momentumDecay, 4e-3, .nonNegative, "ψ in the momentum schedule"),
            .decoupledWeightDecay,
        ]
    ) { s in
        chain(
            eitherWeightDecay(s[.weightDecay], decoupledRate: s[.decoupledWeightDecay] ? s[.lr] * s[.weightDecay] : nil, inPlace: false),
            ScaleByNAdam(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], momentumDecay: s[.momentumDecay]),
            ScaleByLearningRate(s[.lr]))
    }
}
