/// The option keys that several optimizers share. Each is the reference's keyword; tuples are
/// split into numbered keys (`betas` → `beta1`, `beta2`, `beta3`).
extension OptionKey where Value == Double {
    /// `lr`.
    public static var lr: Self { .init("lr") }
    /// `betas[0]`.
    public static var beta1: Self { .init("beta1") }
    /// `betas[1]`.
    public static var beta2: Self { .init("beta2") }
    /// `betas[2]`.
    public static var beta3: Self { .init("beta3") }
    /// `eps`.
    public static var eps: Self { .init("eps") }
    /// `weight_decay`.
    public static var weightDecay: Self { .init("weight_decay") }
    /// `momentum`.
    public static var momentum: Self { .init("momentum") }
    /// `alpha`: RMSprop's smoothing, Lookahead's slow-weight step.
    public static var alpha: Self { .init("alpha") }
}

extension OptionKey where Value == Int {
    /// `k`: Lookahead's sync period.
    public static var k: Self { .init("k") }
    /// `version`: the DiffGrad friction's form.
    public static var version: Self { .init("version") }
}

extension OptionKey where Value == Bool {
    /// `amsgrad`.
    public static var amsgrad: Self { .init("amsgrad") }
    /// `clone`: DiffGrad keeps a copy of the previous gradient (false: a reference).
    public static var clone: Self { .init("clone") }
    /// `decoupled_weight_decay`.
    public static var decoupledWeightDecay: Self { .init("decoupled_weight_decay") }
    /// `weight_decouple`.
    public static var weightDecouple: Self { .init("weight_decouple") }
    /// `fixed_decay`.
    public static var fixedDecay: Self { .init("fixed_decay") }
    /// `degenerated_to_sgd`.
    public static var degeneratedToSGD: Self { .init("degenerated_to_sgd") }
}
