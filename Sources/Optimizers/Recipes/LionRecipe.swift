extension OptimizerCatalog {
    /// pytorch_optimizer's `Lion`. It moves exactly lr per coordinate every step and never slows,
    /// so its search stops at e^-1.
    static let lion = OptimizerDefinition(
        "lion", .pytorchOptimizer("Lion"), families: [.sign], search: -8 ... -1, channels: [.firstMoment],
        options: [
            .lr(1e-4), .beta1(0.9), .beta2(0.99), .weightDecay("weight decay (decoupled unless weight_decouple=false)"),
            OptimizerOption(.weightDecouple, true, .any, "decay the parameter as AdamW does"), .fixedDecay,
        ]
    ) { s in
        chain(
            eitherWeightDecay(
                s[.weightDecay], decoupledRate: s[.weightDecouple] ? s[.weightDecay] * (s[.fixedDecay] ? 1 : s[.lr]) : nil, inPlace: true),
            ScaleByLion(beta1: s[.beta1], beta2: s[.beta2]),
            ScaleByLearningRate(s[.lr]))
    }
}
