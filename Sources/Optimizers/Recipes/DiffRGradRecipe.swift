extension OptimizerCatalog {
    /// lessw2020's diffRGrad: RAdam with diffGrad's friction on its adaptive steps.
    /// Adam-like steps: Adam's e^-8..e^0.5.
    static let diffrgrad = OptimizerDefinition(
        "diffrgrad",
        OptimizerReference(.repository("lessw2020/Best-Deep-Learning-Optimizers"), "diffgrad/diff_rgrad.py diffRGrad", version: "master"),
        families: [.diffGrad], search: -8...0.5, channels: [.previousGradient, .friction, .firstMoment],
        options: [
            .lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("decoupled decay: p ← p - wd·lr·p"), .version(1),
            OptimizerOption(.degeneratedToSGD, true, .any, "step along the momentum while ρₜ < 5"), .clone,
        ]
    ) { s in
        chain(
            ScaleByRAdam(
                beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], inclusiveThreshold: true, degeneratedToSGD: s[.degeneratedToSGD]),
            DiffGradFriction(s),
            DecayParameters(rate: s[.weightDecay] * s[.lr], form: .subtract),
            ScaleByLearningRate(s[.lr]))
    }
}
