extension OptionKey where Value == Bool {
    static var rectify: Self { .init("rectify") }
}

extension OptimizerCatalog {
    /// torch_optimizer's `AdaBelief`. Adam-like steps: Adam's e^-8..e^0.5.
    static let adabelief = OptimizerDefinition(
        "adabelief", .torchOptimizer("AdaBelief"), families: [.adam], search: -8...0.5, channels: [.firstMoment],
        options: [
            .lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("L2 penalty added in place to the gradient buffer"), .amsgrad,
            .weightDecouple, .fixedDecay,
            OptimizerOption(.rectify, false, .any, "RAdam's rectification"),
        ]
    ) { s in
        chain(
            eitherWeightDecay(
                s[.weightDecay], decoupledRate: s[.weightDecouple] ? (s[.fixedDecay] ? s[.weightDecay] : s[.lr] * s[.weightDecay]) : nil,
                inPlace: true),
            ScaleByAdaBelief(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], amsgrad: s[.amsgrad], rectify: s[.rectify]),
            ScaleByLearningRate(s[.lr]))
    }
}
