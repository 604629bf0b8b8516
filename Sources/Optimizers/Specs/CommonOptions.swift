/// The options that several optimizers declare alike.
extension OptimizerOption {
    static func lr(_ value: Double) -> OptimizerOption {
        OptimizerOption(.lr, value, .positive, "learning rate")
    }

    static func beta1(_ value: Double = 0.9) -> OptimizerOption {
        OptimizerOption(.beta1, value, .halfOpenUnitInterval, "decay of the first moment (betas[0])")
    }

    static func beta2(_ value: Double = 0.999) -> OptimizerOption {
        OptimizerOption(.beta2, value, .halfOpenUnitInterval, "decay of the second moment (betas[1])")
    }

    static func eps(_ value: Double) -> OptimizerOption {
        OptimizerOption(.eps, value, .nonNegative, "added to the denominator")
    }

    static func weightDecay(_ summary: String, default value: Double = 0) -> OptimizerOption {
        OptimizerOption(.weightDecay, value, .nonNegative, summary)
    }

    static let amsgrad = OptimizerOption(.amsgrad, false, .any, "use the running maximum of the second moment")
    static let decoupledWeightDecay = OptimizerOption(.decoupledWeightDecay, false, .any, "decay the parameter as AdamW does")
    static let weightDecouple = OptimizerOption(.weightDecouple, false, .any, "decay the parameter as AdamW does")
    static let fixedDecay = OptimizerOption(.fixedDecay, false, .any, "decoupled decay without the learning rate")

    static func version(_ value: Int = 0) -> OptimizerOption {
        OptimizerOption(.version, value, .oneOf([0, 1, 2]), "friction: 0 σ(|Δg|), 1 σ(Δg), 2 9σ(|Δg|/2)-4")
    }

    static let clone = OptimizerOption(.clone, true, .any, "keep a copy of the previous gradient (false: a reference, as published)")

    static func lookaheadK(_ value: Int) -> OptimizerOption {
        OptimizerOption(.k, value, .atLeast(1), "steps between slow-weight syncs")
    }

    static let lookaheadAlpha = OptimizerOption(.alpha, 0.5, .unitInterval, "slow-weight step")
}
