extension OptionKey where Value == Int {
    static var lenMemory: Self { .init("len_memory") }
}

extension OptionKey where Value == Bool {
    static var averageStep: Self { .init("average_step") }
}

extension OptimizerCatalog {
    /// lessw2020's DiffMod: AdaMod's bound with diffGrad's friction. Searched like diffGrad,
    /// e^-8..e^0.4.
    static let diffmod = OptimizerDefinition(
        "diffmod",
        OptimizerReference(.repository("lessw2020/Best-Deep-Learning-Optimizers"), "diffmod/diffmod.py DiffMod", version: "master"),
        families: [.diffGrad], search: -8...0.4, channels: [.previousGradient, .friction, .firstMoment],
        options: [
            .lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("decoupled decay: p ← p - wd·lr·p"),
            OptimizerOption(.lenMemory, 1000, .atLeast(1), "memory of the step-size average: β₃ = 1 - 1/len_memory"), .version(),
            OptimizerOption(.averageStep, false, .any, "average the step size and its running mean"), .clone,
        ]
    ) { s in
        chain(
            ScaleByAdaMod(
                learningRate: s[.lr], beta1: s[.beta1], beta2: s[.beta2], beta3: 1 - 1 / Double(s[.lenMemory]), epsilon: s[.eps],
                averageStep: s[.averageStep]),
            DiffGradFriction(s),
            DecayParameters(rate: s[.weightDecay] * s[.lr], form: .subtract),
            ScaleByLearningRate(s[.lr]))
    }
}
