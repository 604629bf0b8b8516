extension OptimizerCatalog {
    /// diffGrad: version 0 is shivram1987/diffGrad's `diffGrad.py` (clone=false, as published)
    /// and `diffGrad_v2.py` (clone=true); versions 1 and 2 are lessw2020's `diffgrad.py`.
    /// Searched over jettify's e^-8..e^0.4.
    static let diffgrad = OptimizerDefinition(
        "diffgrad",
        OptimizerReference(
            .repository("shivram1987/diffGrad"), "diffGrad.py (clone=false), diffGrad_v2.py (clone=true)", version: "master",
            note: "that is version=0; versions 1, 2: lessw2020/Best-Deep-Learning-Optimizers diffgrad/diffgrad.py"),
        families: [.diffGrad], search: -8...0.4, channels: [.previousGradient, .friction, .firstMoment],
        options: [
            .lr(1e-3), .beta1(), .beta2(), .eps(1e-8), .weightDecay("L2 penalty added in place to the gradient buffer"), .version(),
            .clone,
        ]
    ) { s in
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: true),
            ScaleByAdam(beta1: s[.beta1], beta2: s[.beta2], epsilon: s[.eps], epsilonPlacement: .beforeBiasCorrection),
            DiffGradFriction(s), ScaleByLearningRate(s[.lr]))
    }
}

extension DiffGradFriction {
    /// The friction from its settings: `version` and `clone`.
    init(_ s: OptimizerSettings) {
        self.init(version: Version(rawValue: s[.version]) ?? .absoluteSigmoid, clone: s[.clone])
    }
}
