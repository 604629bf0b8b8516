extension OptionKey where Value == Double {
    static var smaThreshold: Self { .init("N_sma_threshhold") }
}

extension OptimizerCatalog {
    /// lessw2020's Ranger (RAdam + Lookahead), the file that torch_optimizer's and
    /// pytorch_optimizer's `Ranger` classes descend from; those are `ranger@torch_optimizer` and
    /// `ranger@pytorch_optimizer`, each its own definition, and the bare name stays this one.
    /// Adam-like steps: Adam's e^-8..e^0.5.
    static let ranger = OptimizerDefinition(
        "ranger",
        OptimizerReference(.repository("lessw2020/Best-Deep-Learning-Optimizers"), "Ranger/ranger.py Ranger", version: "RAdam + Lookahead"),
        families: [.lookahead], search: -8...0.5, channels: [.firstMoment],
        options: [
            .lr(1e-3), .lookaheadAlpha, .lookaheadK(6),
            OptimizerOption(.smaThreshold, 5.0, .any, "ρₜ above which the step is adaptive"),
            .beta1(0.95), .beta2(), .eps(1e-5), .weightDecay("decoupled decay: p ← p - wd·lr·p"),
        ]
    ) { s in
        chain(
            ScaleByRAdam(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], threshold: s[.smaThreshold]),
            DecayParameters(rate: s[.weightDecay] * s[.lr], form: .subtract),
            ScaleByLearningRate(s[.lr]),
            Lookahead(k: s[.k], alpha: s[.alpha], schedule: .ranger))
    }
}
