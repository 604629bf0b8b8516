import Foundation

extension OptionKey where Value == Double {
    static var lambd: Self { .init("lambd") }
    static var t0: Self { .init("t0") }
}

extension OptimizerCatalog {
    /// `torch.optim.ASGD`. Its steps are SGD's at a decaying rate: SGD's e^-8..e^-1.
    static let asgd = OptimizerDefinition(
        "asgd", .torch("ASGD"), families: [.classic], search: -8 ... -1,
        options: [
            .lr(1e-2),
            OptimizerOption(.lambd, 1e-4, .nonNegative, "decay term: p ← p·(1 - λη) before each step"),
            OptimizerOption(.alpha, 0.75, .any, "power of the rate decay ηₜ = lr/(1 + λ·lr·t)^α"),
            OptimizerOption(.t0, 1e6, .any, "step at which averaging starts; it moves only the average, not the path"),
            .weightDecay("L2 penalty added to the gradient"),
        ]
    ) { s in
        // The rate ηₜ is ASGD's own schedule of lr, so the learning-rate block adds only the sign.
        chain(
            AddWeightDecay(s[.weightDecay], inPlace: false), ScaleByASGD(learningRate: s[.lr], lambd: s[.lambd], alpha: s[.alpha]),
            ScaleByLearningRate(1))
    }
}

/// ASGD's step: with the rate η (lr at first), `p ← p·(1 - λη)`, then `p ← p - η·g`; after
/// step t, `η ← lr / (1 + λ·lr·t)^α`. (The averaged iterate that the reference also keeps does
/// not move the parameter, so it is not kept.)
struct ScaleByASGD: GradientTransformation {
    struct State {
        var rate: Double
    }

    let learningRate: Double
    let lambd: Double
    let alpha: Double

    func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(rate: learningRate)
    }

    @inline(__always)
    func update(_ context: inout StepContext, state: inout State) {
        let rate = state.rate
        let parameter = context.parameter
        for index in parameter.indices { parameter[index] *= 1 - lambd * rate }
        context.stepFactor = rate
        state.rate = learningRate / pow(1 + lambd * learningRate * Double(context.step), alpha)
    }
}
