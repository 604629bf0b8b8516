extension OptionKey where Value == Double {
    /// `etas[0]`, `etas[1]`: the factors that shrink and grow a step size.
    static var eta1: Self { .init("eta1") }
    static var eta2: Self { .init("eta2") }
    /// `step_sizes[0]`, `step_sizes[1]`: the smallest and largest step size.
    static var stepSize1: Self { .init("step_size1") }
    static var stepSize2: Self { .init("step_size2") }
}

extension OptimizerCatalog {
    /// `torch.optim.Rprop`. lr is only the first step size, which then grows ×1.2 per agreeing
    /// step up to 50: searched over e^-8..e^0.
    static let rprop = OptimizerDefinition(
        "rprop", .torch("Rprop"), families: [.classic, .sign], search: -8...0,
        options: [
            .lr(1e-2),
            OptimizerOption(.eta1, 0.5, .positive, "step-size factor after a sign change (etas[0], below 1)"),
            OptimizerOption(.eta2, 1.2, .positive, "step-size factor while the sign holds (etas[1], above 1)"),
            OptimizerOption(.stepSize1, 1e-6, .nonNegative, "smallest step size (step_sizes[0])"),
            OptimizerOption(.stepSize2, 50, .nonNegative, "largest step size (step_sizes[1])"),
        ],
        check: { s in
            s[.eta1] < 1 && s[.eta2] > 1 ? nil : "Rprop needs eta1 < 1 < eta2, got eta1=\(s[.eta1]), eta2=\(s[.eta2]); the defaults are 0.5 and 1.2"
        }
    ) { s in
        chain(
            ScaleByRprop(
                learningRate: s[.lr], shrink: s[.eta1], grow: s[.eta2], smallestStep: s[.stepSize1], largestStep: s[.stepSize2]),
            ScaleByLearningRate(s[.lr]))
    }
}

/// Rprop's per-element step sizes: with `g·g'` against the previous gradient g', the factor is
/// `η₊` (same sign), `η₋` (sign change) or 1, the step size `s ← clamp(s·factor, s_min, s_max)`
/// (starting at lr), and after a sign change the gradient counts as 0 (no step, and it is the
/// next step's g'). The step is `-s·sign(g)`, left as `.stepSizes` (which already hold lr).
struct ScaleByRprop: GradientTransformation {
    struct State {
        let previousGradient: StateVector
        let stepSizes: StateVector
    }

    let learningRate: Double
    /// η₋ in (0, 1) and η₊ > 1.
    let shrink: Double
    let grow: Double
    let smallestStep: Double
    let largestStep: Double

    func makeState(for parameter: UnsafeBufferPointer<Double>) -> State {
        State(previousGradient: StateVector(count: parameter.count), stepSizes: StateVector(count: parameter.count, repeating: learningRate))
    }

    @inline(__always)
    func update(_ context: inout StepContext, state: inout State) {
        let updates = context.updates, stepSizes = context.denominator
        for index in updates.indices {
            let gradient = updates[index]
            let agreement = gradient * state.previousGradient[index]
            let factor = agreement > 0 ? grow : (agreement < 0 ? shrink : 1)
            let stepSize = Swift.min(Swift.max(state.stepSizes[index] * factor, smallestStep), largestStep)
            state.stepSizes[index] = stepSize
            let kept = factor == shrink ? 0 : gradient
            state.previousGradient[index] = kept
            updates[index] = kept > 0 ? 1 : (kept < 0 ? -1 : kept)
            stepSizes[index] = stepSize
        }
        context.perElementRole = .stepSizes
    }
}
