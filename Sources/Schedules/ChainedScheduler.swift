/// `ChainedScheduler(schedulers)`: every scheduler steps, in order, each from the lr the one
/// before it wrote (their multiplicative changes compose).
final class ChainedScheduler: Scheduler {
    let schedulers: [any Scheduler]

    init(schedulers: [any Scheduler]) {
        self.schedulers = schedulers
    }

    func step(loss: Double) {
        for scheduler in schedulers { scheduler.step(loss: loss) }
    }
}
