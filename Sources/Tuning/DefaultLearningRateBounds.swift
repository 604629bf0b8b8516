extension LearningRateBounds {
    /// The search interval for each optimizer in the catalog, as natural logarithms of lr.
    ///
    /// Where jettify/pytorch-optimizer's `examples/viz_optimizers.py` tunes the optimizer, its
    /// interval is kept (adam, sgd, radam e^-8..e^0.5 / e^-1; adamod e^0.2; diffgrad e^0.4; yogi
    /// e^0.1). The others are set from how far one step moves with the gradient clipped to norm 1:
    /// - Adam-like steps are about lr per coordinate, so they share Adam's e^-8..e^0.5
    ///   (adamw, adamax, nadam, adabelief, lookahead, ranger, diffrgrad) or DiffGrad's e^0.4 (diffmod).
    /// - rmsprop's first step is lr/√(1-α) = 10·lr, so its top is SGD's e^-1.
    /// - adagrad's steps shrink as 1/√t, so it may start larger: e^1.
    /// - adadelta's steps are about lr·√ε = 1e-3·lr at first (ε = 1e-6), so it needs large lr: e^-4..e^4.
    /// - lion moves exactly lr per coordinate every step and never slows, so its top is e^-1.
    public static let optimizerDefaults: [String: LearningRateBounds] = [
        "sgd": known(-8, -1.0),
        "adagrad": known(-8, 1.0),
        "rmsprop": known(-8, -1.0),
        "adadelta": known(-4, 4.0),
        "adam": known(-8, 0.5),
        "adamw": known(-8, 0.5),
        "adamax": known(-8, 0.5),
        "nadam": known(-8, 0.5),
        "radam": known(-8, 0.5),
        "adamod": known(-8, 0.2),
        "yogi": known(-8, 0.1),
        "adabelief": known(-8, 0.5),
        "lookahead": known(-8, 0.5),
        "lion": known(-8, -1.0),
        "ranger": known(-8, 0.5),
        "diffgrad": known(-8, 0.4),
        "diffrgrad": known(-8, 0.5),
        "diffmod": known(-8, 0.4),
    ]

    /// For an optimizer the table does not know: e^-8..e^0, lr from 3.4e-4 to 1.
    public static let fallback = known(-8, 0)

    /// The interval for `optimizer` (a catalog name such as `adam`, case-insensitive), or
    /// `fallback` when the table has no entry for it.
    public static func defaults(forOptimizer optimizer: String) -> LearningRateBounds {
        optimizerDefaults[optimizer.lowercased()] ?? fallback
    }

    /// Builds a table entry; the literals above are valid by construction.
    private static func known(_ logLower: Double, _ logUpper: Double) -> LearningRateBounds {
        LearningRateBounds(uncheckedLogLower: logLower, logUpper: logUpper)
    }

    private init(uncheckedLogLower logLower: Double, logUpper: Double) {
        self.logLower = logLower
        self.logUpper = logUpper
    }
}
