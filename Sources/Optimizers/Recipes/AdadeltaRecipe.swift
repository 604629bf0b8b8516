extension OptionKey where Value == Double {
    static var rho: Self { .init("rho") }
}

extension OptimizerCatalog {
    /// `torch.optim.Adadelta`. Its first steps are about lr·√ε = 1e-3·lr (ε = 1e-6), so it is
    /// searched over large rates: e^-4..e^4.
    static let adadelta = OptimizerDefinition(
        "adadelta", .torch("Adadelta"), families: [.classic], search: -4...4,
        options: [
            .lr(1.0),
            OptimizerOption(.rho, 0.9, .unitInterval, "decay of the running averages"),
            .eps(1e-6),
            .weightDecay("L2 penalty added to the gradient"),
        ]
    ) { s in
        chain(AddWeightDecay(s[.weightDecay], inPlace: false), ScaleByAdadelta(rho: s[.rho], epsilon: s[.eps]), ScaleByLearningRate(s[.lr]))
    }
}
