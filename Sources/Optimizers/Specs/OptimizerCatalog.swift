/// Every optimizer TrajViz knows, each a short recipe of transformations, with the reference
/// implementation whose trajectories it reproduces to 1e-9.
public enum OptimizerCatalog {
    /// All definitions, in the order `trajviz list` shows them.
    public static let all: [OptimizerDefinition] = [
        sgd, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam,
        adamod, yogi, adabelief, lookahead, lion, ranger, diffgrad, diffrgrad, diffmod,
    ]

    /// The definition called `name` (case-insensitive), if any.
    public static func definition(named name: String) -> OptimizerDefinition? {
        let lowered = name.lowercased()
        return all.first { $0.name == lowered }
    }

    // MARK: Shared options

    static func lr(_ value: Double) -> OptimizerOption {
        OptimizerOption("lr", .real(value), .positive, "learning rate")
    }
    static func beta1(_ value: Double = 0.9) -> OptimizerOption {
        OptimizerOption("beta1", .real(value), .halfOpenUnitInterval, "decay of the first moment (betas[0])")
    }
    static func beta2(_ value: Double = 0.999) -> OptimizerOption {
        OptimizerOption("beta2", .real(value), .halfOpenUnitInterval, "decay of the second moment (betas[1])")
    }
    static func eps(_ value: Double) -> OptimizerOption {
        OptimizerOption("eps", .real(value), .nonNegative, "added to the denominator")
    }
    static func weightDecay(_ summary: String, default value: Double = 0) -> OptimizerOption {
        OptimizerOption("weight_decay", .real(value), .nonNegative, summary)
    }
    static let amsgrad = OptimizerOption("amsgrad", .boolean(false), .any, "use the running maximum of the second moment")
    static let version = OptimizerOption("version", .integer(0), .oneOf([0, 1, 2]), "friction: 0 σ(|Δg|), 1 σ(Δg), 2 9σ(|Δg|/2)-4")
    static let clone = OptimizerOption(
        "clone", .boolean(true), .any, "keep a copy of the previous gradient (false: a reference, as published)")

    static func friction(_ settings: OptimizerSettings) -> DiffGradFriction {
        DiffGradFriction(version: .init(rawValue: settings.integer("version")) ?? .absoluteSigmoid, clone: settings.boolean("clone"))
    }

    // MARK: torch.optim

    static let sgd = OptimizerDefinition(
        "sgd", reference: "torch.optim.SGD (PyTorch 2.x)",
        options: [
            lr(1e-3),
            OptimizerOption("momentum", .real(0), .nonNegative, "momentum factor"),
            OptimizerOption("dampening", .real(0), .nonNegative, "dampening of the momentum"),
            weightDecay("L2 penalty added to the gradient"),
            OptimizerOption("nesterov", .boolean(false), .any, "Nesterov momentum"),
        ],
        check: { settings in
            settings.boolean("nesterov") && (settings.real("momentum") <= 0 || settings.real("dampening") != 0)
                ? "nesterov=true needs momentum > 0 and dampening=0; set momentum=0.9 (for example) and drop dampening" : nil
        },
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false),
                    ScaleByMomentum(
                        momentum: settings.real("momentum"), dampening: settings.real("dampening"),
                        nesterov: settings.boolean("nesterov")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let adagrad = OptimizerDefinition(
        "adagrad", reference: "torch.optim.Adagrad (PyTorch 2.x)",
        options: [
            lr(1e-2),
            OptimizerOption("lr_decay", .real(0), .nonNegative, "learning-rate decay"),
            weightDecay("L2 penalty added to the gradient"),
            OptimizerOption("initial_accumulator_value", .real(0), .nonNegative, "starting sum of squares"),
            eps(1e-10),
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false),
                    ScaleByAdagrad(
                        learningRateDecay: settings.real("lr_decay"),
                        initialAccumulatorValue: settings.real("initial_accumulator_value"), epsilon: settings.real("eps")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let rmsprop = OptimizerDefinition(
        "rmsprop", reference: "torch.optim.RMSprop (PyTorch 2.x)",
        options: [
            lr(1e-2),
            OptimizerOption("alpha", .real(0.99), .unitInterval, "smoothing constant"),
            eps(1e-8),
            weightDecay("L2 penalty added to the gradient"),
            OptimizerOption("momentum", .real(0), .nonNegative, "momentum factor"),
            OptimizerOption("centered", .boolean(false), .any, "normalise by the estimated variance"),
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false),
                    ScaleByRMSprop(
                        alpha: settings.real("alpha"), epsilon: settings.real("eps"), momentum: settings.real("momentum"),
                        centered: settings.boolean("centered")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let adadelta = OptimizerDefinition(
        "adadelta", reference: "torch.optim.Adadelta (PyTorch 2.x)",
        options: [
            lr(1.0),
            OptimizerOption("rho", .real(0.9), .unitInterval, "decay of the running averages"),
            eps(1e-6),
            weightDecay("L2 penalty added to the gradient"),
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false),
                    ScaleByAdadelta(rho: settings.real("rho"), epsilon: settings.real("eps")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static func adamStyle(_ settings: OptimizerSettings) -> ScaleByAdam {
        ScaleByAdam(
            beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps"),
            amsgrad: settings.boolean("amsgrad"), epsilonPlacement: .afterBiasCorrection)
    }

    static let adam = OptimizerDefinition(
        "adam", reference: "torch.optim.Adam (PyTorch 2.x)",
        options: [lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("L2 penalty added to the gradient"), amsgrad],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false), adamStyle(settings),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let adamw = OptimizerDefinition(
        "adamw", reference: "torch.optim.AdamW (PyTorch 2.x)",
        options: [lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("decoupled decay: p ← p·(1 - lr·wd)", default: 1e-2), amsgrad],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    DecayParameters(rate: settings.real("lr") * settings.real("weight_decay")), adamStyle(settings),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let adamax = OptimizerDefinition(
        "adamax", reference: "torch.optim.Adamax (PyTorch 2.x)",
        options: [lr(2e-3), beta1(), beta2(), eps(1e-8), weightDecay("L2 penalty added to the gradient")],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false),
                    ScaleByAdamax(beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let nadam = OptimizerDefinition(
        "nadam", reference: "torch.optim.NAdam (PyTorch 2.x)",
        options: [
            lr(2e-3), beta1(), beta2(), eps(1e-8), weightDecay("L2 penalty (decoupled with decoupled_weight_decay)"),
            OptimizerOption("momentum_decay", .real(4e-3), .nonNegative, "ψ in the momentum schedule"),
            OptimizerOption("decoupled_weight_decay", .boolean(false), .any, "decay the parameter as AdamW does"),
        ],
        build: { settings, parameters, probe in
            let decoupled = settings.boolean("decoupled_weight_decay")
            let weightDecay = settings.real("weight_decay")
            return Optimizer(
                chain(
                    DecayParameters(rate: decoupled ? settings.real("lr") * weightDecay : 0),
                    AddWeightDecay(decoupled ? 0 : weightDecay, inPlace: false),
                    ScaleByNAdam(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps"),
                        momentumDecay: settings.real("momentum_decay")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let radam = OptimizerDefinition(
        "radam", reference: "torch.optim.RAdam (PyTorch 2.x)",
        options: [
            lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("L2 penalty (decoupled with decoupled_weight_decay)"),
            OptimizerOption("decoupled_weight_decay", .boolean(false), .any, "decay the parameter as AdamW does"),
        ],
        build: { settings, parameters, probe in
            let decoupled = settings.boolean("decoupled_weight_decay")
            let weightDecay = settings.real("weight_decay")
            return Optimizer(
                chain(
                    DecayParameters(rate: decoupled ? settings.real("lr") * weightDecay : 0),
                    AddWeightDecay(decoupled ? 0 : weightDecay, inPlace: false),
                    ScaleByRAdam(beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    // MARK: torch_optimizer 0.3.0

    static let adamod = OptimizerDefinition(
        "adamod", reference: "torch_optimizer 0.3.0 AdaMod",
        options: [
            lr(1e-3), beta1(), beta2(),
            OptimizerOption("beta3", .real(0.999), .halfOpenUnitInterval, "smoothing of the step sizes"),
            eps(1e-8), weightDecay("decoupled decay: p ← p - lr·wd·p"),
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    ScaleByAdaMod(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), beta3: settings.real("beta3"),
                        epsilon: settings.real("eps")),
                    DecayParameters(rate: settings.real("weight_decay") * settings.real("lr"), form: .subtract),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let yogi = OptimizerDefinition(
        "yogi", reference: "torch_optimizer 0.3.0 Yogi",
        options: [
            lr(1e-2), beta1(), beta2(), eps(1e-3),
            OptimizerOption("initial_accumulator", .real(1e-6), .any, "starting value of both moments"),
            weightDecay("L2 penalty added to the gradient"),
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false),
                    ScaleByYogi(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps"),
                        initialAccumulator: settings.real("initial_accumulator")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let adabelief = OptimizerDefinition(
        "adabelief", reference: "torch_optimizer 0.3.0 AdaBelief",
        options: [
            lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("L2 penalty added in place to the gradient buffer"), amsgrad,
            OptimizerOption("weight_decouple", .boolean(false), .any, "decay the parameter as AdamW does"),
            OptimizerOption("fixed_decay", .boolean(false), .any, "decoupled decay without the learning rate"),
            OptimizerOption("rectify", .boolean(false), .any, "RAdam's rectification"),
        ],
        build: { settings, parameters, probe in
            let decouple = settings.boolean("weight_decouple")
            let weightDecay = settings.real("weight_decay")
            let rate = settings.boolean("fixed_decay") ? weightDecay : settings.real("lr") * weightDecay
            return Optimizer(
                chain(
                    DecayParameters(rate: decouple ? rate : 0),
                    AddWeightDecay(decouple ? 0 : weightDecay, inPlace: true),
                    ScaleByAdaBelief(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps"),
                        amsgrad: settings.boolean("amsgrad"), rectify: settings.boolean("rectify")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let lookahead = OptimizerDefinition(
        "lookahead", reference: "torch_optimizer 0.3.0 Lookahead over torch.optim.Adam",
        options: [
            lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("Adam's L2 penalty added to the gradient"), amsgrad,
            OptimizerOption("k", .integer(5), .atLeast(1), "steps between slow-weight syncs"),
            OptimizerOption("alpha", .real(0.5), .unitInterval, "slow-weight step"),
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: false), adamStyle(settings),
                    ScaleByLearningRate(settings.real("lr")),
                    Lookahead(k: settings.integer("k"), alpha: settings.real("alpha"), schedule: .torchOptimizer)),
                parameters: parameters, frictionProbe: probe)
        })

    // MARK: pytorch_optimizer 4.1.0

    static let lion = OptimizerDefinition(
        "lion", reference: "pytorch_optimizer 4.1.0 Lion",
        options: [
            lr(1e-4), beta1(0.9), beta2(0.99), weightDecay("weight decay (decoupled unless weight_decouple=false)"),
            OptimizerOption("weight_decouple", .boolean(true), .any, "decay the parameter as AdamW does"),
            OptimizerOption("fixed_decay", .boolean(false), .any, "decoupled decay without the learning rate"),
        ],
        build: { settings, parameters, probe in
            let decouple = settings.boolean("weight_decouple")
            let weightDecay = settings.real("weight_decay")
            let rate = weightDecay * (settings.boolean("fixed_decay") ? 1 : settings.real("lr"))
            return Optimizer(
                chain(
                    DecayParameters(rate: decouple ? rate : 0),
                    AddWeightDecay(decouple ? 0 : weightDecay, inPlace: true),
                    ScaleByLion(beta1: settings.real("beta1"), beta2: settings.real("beta2")),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    // MARK: lessw2020 and shivram1987

    static let ranger = OptimizerDefinition(
        "ranger", reference: "lessw2020 Best-Deep-Learning-Optimizers Ranger/ranger.py (RAdam + Lookahead)",
        options: [
            lr(1e-3),
            OptimizerOption("alpha", .real(0.5), .unitInterval, "slow-weight step"),
            OptimizerOption("k", .integer(6), .atLeast(1), "steps between slow-weight syncs"),
            OptimizerOption("N_sma_threshhold", .real(5), .any, "ρₜ above which the step is adaptive"),
            beta1(0.95), beta2(), eps(1e-5), weightDecay("decoupled decay: p ← p - wd·lr·p"),
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    ScaleByRAdam(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps"),
                        threshold: settings.real("N_sma_threshhold")),
                    DecayParameters(rate: settings.real("weight_decay") * settings.real("lr"), form: .subtract),
                    ScaleByLearningRate(settings.real("lr")),
                    Lookahead(k: settings.integer("k"), alpha: settings.real("alpha"), schedule: .ranger)),
                parameters: parameters, frictionProbe: probe)
        })

    static let diffgrad = OptimizerDefinition(
        "diffgrad",
        reference: "version 0: shivram1987/diffGrad diffGrad_v2.py (clone=true), diffGrad.py (clone=false); "
            + "versions 1, 2: lessw2020 diffgrad/diffgrad.py",
        hasFriction: true,
        options: [
            lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("L2 penalty added in place to the gradient buffer"),
            version, clone,
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    AddWeightDecay(settings.real("weight_decay"), inPlace: true),
                    ScaleByAdam(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps"),
                        epsilonPlacement: .beforeBiasCorrection),
                    friction(settings),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let diffrgrad = OptimizerDefinition(
        "diffrgrad", reference: "lessw2020 Best-Deep-Learning-Optimizers diffgrad/diff_rgrad.py", hasFriction: true,
        options: [
            lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("decoupled decay: p ← p - wd·lr·p"),
            OptimizerOption("version", .integer(1), .oneOf([0, 1, 2]), version.summary),
            OptimizerOption("degenerated_to_sgd", .boolean(true), .any, "step along the momentum while ρₜ < 5"),
            clone,
        ],
        build: { settings, parameters, probe in
            Optimizer(
                chain(
                    ScaleByRAdam(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), epsilon: settings.real("eps"),
                        inclusiveThreshold: true, degeneratedToSGD: settings.boolean("degenerated_to_sgd")),
                    friction(settings),
                    DecayParameters(rate: settings.real("weight_decay") * settings.real("lr"), form: .subtract),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })

    static let diffmod = OptimizerDefinition(
        "diffmod", reference: "lessw2020 Best-Deep-Learning-Optimizers diffmod/diffmod.py", hasFriction: true,
        options: [
            lr(1e-3), beta1(), beta2(), eps(1e-8), weightDecay("decoupled decay: p ← p - wd·lr·p"),
            OptimizerOption("len_memory", .integer(1000), .atLeast(1), "memory of the step-size average: β₃ = 1 - 1/len_memory"),
            version,
            OptimizerOption("average_step", .boolean(false), .any, "average the step size and its running mean"),
            clone,
        ],
        build: { settings, parameters, probe in
            let base = 1 / Double(settings.integer("len_memory"))
            return Optimizer(
                chain(
                    ScaleByAdaMod(
                        beta1: settings.real("beta1"), beta2: settings.real("beta2"), beta3: 1 - base,
                        epsilon: settings.real("eps"), averageStep: settings.boolean("average_step")),
                    friction(settings),
                    DecayParameters(rate: settings.real("weight_decay") * settings.real("lr"), form: .subtract),
                    ScaleByLearningRate(settings.real("lr"))),
                parameters: parameters, frictionProbe: probe)
        })
}
