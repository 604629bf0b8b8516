/// `MultiStepLR(milestones, gamma=0.1)`: `lr ← lr·γᶜ` at a milestone listed c times; closed form
/// `base·γ^(milestones ≤ t)`.
final class MultiStepLR: LRScheduler {
    let milestones: [Int]
    let gamma: Double

    init(group: ParameterGroup, milestones: [Int], gamma: Double) {
        self.milestones = milestones.sorted()
        self.gamma = gamma
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        let count = milestones.filter { $0 == lastEpoch }.count
        return count == 0 ? group.lr : group.lr * pythonPower(gamma, count)
    }

    override func closedFormLR() -> Double? {
        baseLR * pythonPower(gamma, milestones.filter { $0 <= lastEpoch }.count)
    }
}
