extension OptimizerCatalog {
    /// torch_optimizer's `AdaMod`. Searched over jettify's e^-8..e^0.2.
    static let adamod = OptimizerDefinition(
        "adamod", .torchOptimizer("AdaMod"), families: [.adam], search: -8...0.2, channels: [.firstMoment],
        options: [
            .lr(1e-3), .beta1(), .beta2(),
            OptimizerOption(.beta3, 0.999, .halfOpenUnitInterval, "smoothing of the step sizes"),
            .eps(1e-8), .weightDecay("decoupled decay: p ← p - lr·wd·p"),
        ]
    ) { s in
        chain(
            ScaleByAdaMod(learningRate: s[.lr], beta1: s[.beta1], beta2: s[.beta2], beta3: s[.beta3], epsilon: s[.eps]),
            DecayParameters(rate: s[.weightDecay] * s[.lr], form: .subtract),
            ScaleByLearningRate(s[.lr]))
    }
}
