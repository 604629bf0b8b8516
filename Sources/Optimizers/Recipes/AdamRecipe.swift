extension OptimizerCatalog {
    /// `torch.optim.Adam`. Searched over jettify's e^-8..e^0.5.
    static let adam = OptimizerDefinition(
        "adam", .torch("Adam"), families: [.adam], search: -8...0.5, channels: [.firstMoment],
        options: [.lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("L2 penalty added to the gradient"), .amsgrad]
    ) { s in
        chain(AddWeightDecay(s[.weightDecay], inPlace: false), ScaleByAdam(torch: s), ScaleByLearningRate(s[.lr]))
    }
}

extension ScaleByAdam {
    /// `torch.optim.Adam`'s moments from its settings: ε after the bias correction.
    init(torch s: OptimizerSettings) {
        self.init(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], amsgrad: s[.amsgrad], epsilonPlacement: .afterBiasCorrection)
    }
}
