extension OptionKey where Value == Double {
    static var lrDecay: Self { .init("lr_decay") }
    static var initialAccumulatorValue: Self { .init("initial_accumulator_value") }
}

extension OptimizerCatalog {
    /// `torch.optim.Adagrad`. Its steps shrink as 1/√t, so its search may start larger: e^-8..e^1.
    static let adagrad = OptimizerDefinition(
        "adagrad", .torch("Adagrad"), families: [.classic], search: -8...1,
        options: [
            .lr(1e-2),
            OptimizerOption(.lrDecay, 0, .nonNegative, "learning-rate decay"),
            .weightDecay("L2 penalty added to the gradient"),
            OptimizerOption(.initialAccumulatorValue, 0, .nonNegative, "starting sum of squares"),
            .eps(1e-10),
        ]
    ) { s in
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: false),
            ScaleByAdagrad(learningRateDecay: s[.lrDecay], initialAccumulatorValue: s[.initialAccumulatorValue], epsilon: s[.eps]),
            ScaleByLearningRate(s[.lr]))
    }
}
