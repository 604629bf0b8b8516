/// `torch.optim.lr_scheduler.StepLR(step_size, gamma=0.1)`: `lr ← lr·γ` at every `step_size`-th
/// step; closed form `base·γ^⌊t/step_size⌋`.
final class StepLR: LRScheduler {
    let stepSize: Int
    let gamma: Double

    init(group: ParameterGroup, stepSize: Int, gamma: Double) {
        self.stepSize = stepSize
        self.gamma = gamma
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        lastEpoch == 0 || lastEpoch % stepSize != 0 ? group.lr : group.lr * gamma
    }

    override func closedFormLR() -> Double? {
        baseLR * pythonPower(gamma, floorDivide(lastEpoch, stepSize))
    }
}
