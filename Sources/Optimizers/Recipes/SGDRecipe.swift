extension OptionKey where Value == Double {
    static var dampening: Self { .init("dampening") }
}

extension OptionKey where Value == Bool {
    static var nesterov: Self { .init("nesterov") }
}

extension OptimizerCatalog {
    /// `torch.optim.SGD`. Searched over jettify's e^-8..e^-1; momentum over kozistr's [0, 0.99].
    static let sgd = OptimizerDefinition(
        "sgd", .torch("SGD"), families: [.classic], search: -8 ... -1, channels: [.firstMoment],
        options: [
            .lr(1e-3),
            OptimizerOption(.momentum, 0, .nonNegative, "momentum factor", search: 0...0.99),
            OptimizerOption(.dampening, 0, .nonNegative, "dampening of the momentum"),
            .weightDecay("L2 penalty added to the gradient"),
            OptimizerOption(.nesterov, false, .any, "Nesterov momentum"),
        ],
        check: { s in
            s[.nesterov] && (s[.momentum] <= 0 || s[.dampening] != 0)
                ? "nesterov=true needs momentum > 0 and dampening=0; set momentum=0.9 (for example) and drop dampening" : nil
        }
    ) { s in
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: false),
            ScaleByMomentum(momentum: s[.momentum], dampening: s[.dampening], nesterov: s[.nesterov]),
            ScaleByLearningRate(s[.lr]))
    }
}
