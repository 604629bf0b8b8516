/// `ExponentialLR(gamma)`: `lr ← lr·γ` every step; closed form `base·γᵗ`.
final class ExponentialLR: LRScheduler {
    let gamma: Double

    init(group: ParameterGroup, gamma: Double) {
        self.gamma = gamma
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        isInitial ? group.lr : group.lr * gamma
    }

    override func closedFormLR() -> Double? {
        baseLR * pythonPower(gamma, lastEpoch)
    }
}
