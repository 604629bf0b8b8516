/// A tag that groups optimizers for the gallery's overlays and the index's filter.
public enum OptimizerFamily: String, Sendable, CaseIterable {
    /// Plain and classic adaptive methods: SGD, Adagrad, RMSprop, Adadelta.
    case classic
    /// Adam and the methods built on its two moments.
    case adam
    /// DiffGrad's friction on top of an Adam-like step.
    case diffGrad = "diffgrad"
    /// Slow weights that follow the fast ones every k steps.
    case lookahead
    /// Steps of the update's sign.
    case sign
}
