extension OptionKey where Value == Double {
    static var initialAccumulator: Self { .init("initial_accumulator") }
}

extension OptimizerCatalog {
    /// torch_optimizer's `Yogi`. Searched over jettify's e^-8..e^0.1.
    static let yogi = OptimizerDefinition(
        "yogi", .torchOptimizer("Yogi"), families: [.adam], search: -8...0.1, channels: [.firstMoment],
        options: [
            .lr(1e-2), .beta1(), .beta2(), .eps(1e-3),
            OptimizerOption(.initialAccumulator, 1e-6, .any, "starting value of both moments"),
            .weightDecay("L2 penalty added to the gradient"),
        ]
    ) { s in
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: false),
            ScaleByYogi(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], initialAccumulator: s[.initialAccumulator]),
            ScaleByLearningRate(s[.lr]))
    }
}
