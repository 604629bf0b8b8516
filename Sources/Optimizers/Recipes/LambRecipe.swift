extension OptionKey where Value == Double {
    static var clampValue: Self { .init("clamp_value") }
}

extension OptionKey where Value == Bool {
    /// LAMB's `adam`: no trust ratio (Adam with LAMB's update).
    static var adam: Self { .init("adam") }
    static var debias: Self { .init("debias") }
}

extension OptimizerCatalog {
    /// torch_optimizer's `Lamb`: Adam's moments, the finished direction `m/(√v+ε) + wd·p`,
    /// scaled by the tensor's trust ratio. Its steps are lr·min(‖p‖, 10) long, about three times
    /// Adam's at the catalog's start points (‖p‖ ≈ 3), so its search stops at e^-0.5, a third
    /// of Adam's top (at e^0.5 its tuned 500-step Rosenbrock run bounced across the map).
    static let lamb = OptimizerDefinition(
        "lamb", .torchOptimizer("Lamb"), families: [.adam], search: -8 ... -0.5,
        options: [
            .lr(1e-3), .beta1(), .beta2(), .eps(1e-6), .weightDecay("added to the finished direction, inside the trust ratio"),
            OptimizerOption(.clampValue, 10, .nonNegative, "the largest weight norm in the trust ratio"),
            OptimizerOption(.adam, false, .any, "leave out the trust ratio"),
            OptimizerOption(.debias, false, .any, "bias-correct the step: lr·√(1-β₂ᵗ)/(1-β₁ᵗ)"),
        ]
    ) { s in
        chain(
            ScaleByAdam(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], epsilonPlacement: .beforeBiasCorrection, biasCorrection: s[.debias]),
            FinaliseDirection(),
            AddWeightDecay(s[.weightDecay], inPlace: false),
            ScaleByTrustRatio(clamp: s[.clampValue], applies: !s[.adam]),
            ScaleByLearningRate(s[.lr]))
    }
}
