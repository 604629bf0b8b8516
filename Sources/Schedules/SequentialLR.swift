/// `SequentialLR(schedulers, milestones)`: the i-th scheduler runs from milestone i-1 to
/// milestone i. As in PyTorch, construction resets the lr to `initial_lr`, takes every
/// scheduler's `last_epoch` back one step and repeats the first one's initial step; at a
/// milestone the next scheduler starts with `_update_lr(0)` (its closed form at t = 0), and
/// otherwise the current one takes an ordinary `step()`.
final class SequentialLR: Scheduler {
    let group: ParameterGroup
    let schedulers: [LRScheduler]
    let milestones: [Int]
    var lastEpoch = 0

    init(group: ParameterGroup, schedulers: [LRScheduler], milestones: [Int]) {
        self.group = group
        self.schedulers = schedulers
        self.milestones = milestones
        group.lr = group["initial_lr"]!
        for scheduler in schedulers { scheduler.lastEpoch -= 1 }
        schedulers[bisectRight(0)].initialStep()
    }

    /// The number of milestones ≤ `epoch`: the index of the scheduler that runs then.
    private func bisectRight(_ epoch: Int) -> Int {
        milestones.filter { $0 <= epoch }.count
    }

    func step(loss: Double) {
        lastEpoch += 1
        let index = bisectRight(lastEpoch)
        if index > 0 && milestones[index - 1] == lastEpoch {
            schedulers[index].updateLR(epoch: 0)
        } else {
            schedulers[index].step()
        }
    }
}
