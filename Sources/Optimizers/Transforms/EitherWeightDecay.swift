/// Weight decay where the reference switches between its two forms: decoupled, `p ← p·(1 - r)`
/// when `decoupledRate` r is given (`DecayParameters`); else coupled, `u ← u + wd·p`
/// (`AddWeightDecay`, also into the gradient buffer with `inPlace`).
func eitherWeightDecay(_ weightDecay: Double, decoupledRate: Double?, inPlace: Bool) -> Chain<DecayParameters, AddWeightDecay> {
    Chain(DecayParameters(rate: decoupledRate ?? 0), AddWeightDecay(decoupledRate == nil ? weightDecay : 0, inPlace: inPlace))
}
