import Objectives
import Optimizers
import Schedules

/// Runs an optimizer on an objective with PyTorch's training loop, one step at a time:
///
///     optimizer.zero_grad(set_to_none = zeroGrad == .none)
///     loss = f(x); loss.backward()              // ∇f accumulated into each parameter's buffer
///     p.grad += noise                           // with gradient noise (`GradientNoise`)
///     clip_grad_norm_(parameters, C)            // when a clip norm is set
///     optimizer.step()                          // or step(closure), the four lines above as a closure (LBFGS)
///     scheduler.step()                          // with a scheduler; ReduceLROnPlateau: step(loss)
///
/// The scheduler writes the group's lr (and, cycling momentum, its momentum or β₁) into the
/// optimizer between steps; the trajectory records the lr each step used.
///
/// Divergence ends the run, in one rule for every caller (commands, figures and searches): step
/// s diverges when the loss or the gradient at the point it starts from is not finite (as a
/// training loop that checks `loss.isfinite()` after `backward()` stops), or when its update
/// makes the point non-finite. `divergedAtStep` is s; the points stop before it (so the last
/// one may have a non-finite loss, recorded as such), and step s's gradient is not recorded.
/// PyTorch's golden runs report the same step: a point whose loss overflowed is followed by the
/// step that overflows the point. Nothing traps.
public enum TrajectoryRunner {
    /// The full record of a run: points, losses, gradients, and for the DiffGrad family the
    /// previous gradients and friction the optimizer reported.
    ///
    /// - Parameters:
    ///   - function: the function's name as the record should show it.
    ///   - recordingFirstMoments: also record the first moment or momentum buffer after each
    ///     step (`firstMoments`), when the optimizer reports one.
    public static func trajectory(
        of objective: any Objective, function: String, optimizer spec: OptimizerSpec, configuration: RunConfiguration,
        recordingFirstMoments: Bool = false
    ) throws(RunError) -> Trajectory {
        let recordsMoments = recordingFirstMoments && spec.reportsFirstMoment
        var loop = try Loop(objective: objective, spec: spec, configuration: configuration, observing: spec.hasFriction || recordsMoments)
        var recorder = FullRecorder(
            dimension: objective.dimension, steps: configuration.steps, recordsFriction: spec.hasFriction,
            recordsLearningRates: configuration.scheduler != nil, recordsFirstMoments: recordsMoments)
        let diverged = loop.run(recording: &recorder)
        let record = recorder.finish()
        var trajectory = Trajectory(
            function: function, optimizer: spec.description, start: configuration.start, steps: configuration.steps,
            zeroGrad: configuration.zeroGrad.rawValue, clipGradNorm: configuration.clipGradNorm,
            points: record.points, losses: record.losses, gradients: record.gradients,
            previousGradients: spec.hasFriction ? record.previous : nil,
            friction: spec.hasFriction ? record.friction : nil, divergedAtStep: diverged,
            paramLayout: configuration.layout == .tensor ? nil : configuration.layout.rawValue,
            scheduler: configuration.scheduler?.description, learningRates: configuration.scheduler == nil ? nil : record.learningRates)
        trajectory.firstMoments = recordsMoments ? record.firstMoments : nil
        trajectory.record(configuration.gradientNoise)
        return trajectory
    }

    /// The same run, keeping only where it ended: for learning-rate searches and metrics.
    public static func summary(
        of objective: any Objective, optimizer spec: OptimizerSpec, configuration: RunConfiguration
    ) throws(RunError) -> RunSummary {
        var loop = try Loop(objective: objective, spec: spec, configuration: configuration, observing: false)
        var recorder = FinalRecorder()
        let diverged = loop.run(recording: &recorder)
        return RunSummary(
            finalPoint: loop.point, finalLoss: recorder.lastLoss, divergedAtStep: diverged,
            stepsTaken: diverged.map { $0 - 1 } ?? configuration.steps)
    }
}

/// What a run keeps of each step.
protocol StepRecorder {
    /// The start point.
    mutating func recordStart(_ point: [Double])
    /// f at the current point (before the step that follows).
    mutating func recordLoss(_ loss: Double)
    /// The gradient buffers as the step receives them, and the lr it uses.
    mutating func recordGradient(_ parameters: [Parameter], learningRate: Double?)
    /// The step finished at a finite point.
    mutating func recordStep(point: [Double], heard: HeardChannels)
    /// The step made the point non-finite: forget its gradient.
    mutating func discardLastGradient()
}

/// Keeps everything, written into arrays sized for the whole run up front (no per-step
/// allocation or growth), trimmed and handed over as series by `finish()`.
struct FullRecorder: StepRecorder {
    let dimension: Int
    let recordsFriction: Bool
    var points: [Double]
    var learningRates: [Double]
    var losses: [Double]
    var gradients: [Double]
    var previousGradients: [Double]
    var friction: [Double]
    let recordsFirstMoments: Bool
    var firstMoments: [Double]
    var pointCount = 0
    var lossCount = 0
    var gradientCount = 0

    init(dimension: Int, steps: Int, recordsFriction: Bool, recordsLearningRates: Bool, recordsFirstMoments: Bool = false) {
        self.dimension = dimension
        learningRates = []
        learningRates.reserveCapacity(recordsLearningRates ? steps : 0)
        self.recordsFriction = recordsFriction
        self.recordsFirstMoments = recordsFirstMoments
        firstMoments = Array(repeating: 0, count: recordsFirstMoments ? steps * dimension : 0)
        points = Array(repeating: 0, count: (steps + 1) * dimension)
        losses = Array(repeating: 0, count: steps + 1)
        gradients = Array(repeating: 0, count: steps * dimension)
        previousGradients = Array(repeating: 0, count: recordsFriction ? steps * dimension : 0)
        friction = Array(repeating: 0, count: recordsFriction ? steps * dimension : 0)
    }

    /// The records as series and losses.
    consuming func finish() -> (
        points: VectorSeries, losses: [Double?], gradients: VectorSeries, previous: VectorSeries, friction: VectorSeries,
        learningRates: [Double], firstMoments: VectorSeries
    ) {
        let stepsRecorded = recordsFriction ? pointCount - 1 : 0
        points.removeLast(points.count - pointCount * dimension)
        gradients.removeLast(gradients.count - gradientCount * dimension)
        previousGradients.removeLast(previousGradients.count - stepsRecorded * dimension)
        friction.removeLast(friction.count - stepsRecorded * dimension)
        firstMoments.removeLast(firstMoments.count - (recordsFirstMoments ? pointCount - 1 : 0) * dimension)
        return (
            VectorSeries(dimension: dimension, storage: points), losses[0..<lossCount].map { $0.isFinite ? $0 : nil },
            VectorSeries(dimension: dimension, storage: gradients),
            VectorSeries(dimension: dimension, storage: previousGradients),
            VectorSeries(dimension: dimension, storage: friction), learningRates,
            VectorSeries(dimension: dimension, storage: firstMoments)
        )
    }

    mutating func recordStart(_ point: [Double]) {
        for index in 0..<dimension { points[index] = point[index] }
        pointCount = 1
    }

    mutating func recordLoss(_ loss: Double) {
        losses[lossCount] = loss
        lossCount += 1
    }

    mutating func recordGradient(_ parameters: [Parameter], learningRate: Double?) {
        if let learningRate { learningRates.append(learningRate) }
        let start = gradientCount * dimension
        gradients.withUnsafeMutableBufferPointer { gradients in
            var offset = start
            parameters.forEachBorrowed { _, parameter in
                parameter.copyGradient(into: UnsafeMutableBufferPointer(rebasing: gradients[offset..<offset + parameter.count]))
                offset += parameter.count
            }
        }
        gradientCount += 1
    }

    mutating func recordStep(point: [Double], heard: HeardChannels) {
        let dimension = self.dimension
        let offset = pointCount * dimension
        points.withUnsafeMutableBufferPointer { points in
            for index in 0..<dimension { points[offset + index] = point[index] }
        }
        if recordsFriction, let heardPrevious = heard.previousGradient, let heardFriction = heard.friction {
            let stepOffset = (pointCount - 1) * dimension
            previousGradients.withUnsafeMutableBufferPointer { previous in
                for index in 0..<dimension { previous[stepOffset + index] = heardPrevious[index] }
            }
            friction.withUnsafeMutableBufferPointer { friction in
                for index in 0..<dimension { friction[stepOffset + index] = heardFriction[index] }
            }
        }
        if recordsFirstMoments, let heard = heard.firstMoment {
            let stepOffset = (pointCount - 1) * dimension
            firstMoments.withUnsafeMutableBufferPointer { moments in
                for index in 0..<dimension { moments[stepOffset + index] = heard[index] }
            }
        }
        pointCount += 1
    }

    mutating func discardLastGradient() {
        gradientCount -= 1
        if learningRates.count > gradientCount { learningRates.removeLast() }
    }
}

/// Keeps only the loss where the run ended.
struct FinalRecorder: StepRecorder {
    var lastLoss: Double?

    mutating func recordLoss(_ loss: Double) {
        lastLoss = loss.isFinite ? loss : nil
    }

    func recordStart(_ point: [Double]) {}
    func recordGradient(_ parameters: [Parameter], learningRate: Double?) {}
    func recordStep(point: [Double], heard: HeardChannels) {}
    func discardLastGradient() {}
}

/// Where the observer keeps the latest step's channels, looked up once per run: DiffGrad's
/// g(t-1) and ξ, the first moment; nil for a channel the optimizer does not report or a run
/// that does not listen.
struct HeardChannels {
    var previousGradient: UnsafeMutableBufferPointer<Double>?
    var friction: UnsafeMutableBufferPointer<Double>?
    var firstMoment: UnsafeMutableBufferPointer<Double>?
}

/// The parameters, optimizer and scratch space of one run.
struct Loop {
    let objective: any Objective
    let parameters: [Parameter]
    let optimizer: Optimizer
    /// The schedule's view of the optimizer's group values, and the scheduler that steps them.
    let schedule: (group: ParameterGroup, scheduler: any Scheduler)?
    /// Hears the optimizer's channels, for the runs that record them; owns `heard`'s storage.
    let observer: StepObserver?
    let heard: HeardChannels
    let configuration: RunConfiguration
    /// The current point, gathered from the parameters after each step.
    var point: [Double]
    /// Scratch for the point after a step, swapped in when it is finite.
    var nextPoint: [Double]
    var gradient: [Double]
    /// The gradient noise, drawn step by step.
    var noise: GradientNoiseSource?

    init(objective: any Objective, spec: OptimizerSpec, configuration: RunConfiguration, observing: Bool) throws(RunError) {
        let dimension = objective.dimension
        guard configuration.start.count == dimension else {
            throw RunError(
                "the start point has \(configuration.start.count) coordinates but the function takes \(dimension); "
                    + "give \(dimension) numbers, e.g. --start=\(Array(repeating: "0", count: dimension).joined(separator: ","))")
        }
        guard configuration.start.allSatisfy(\.isFinite) else {
            throw RunError("the start point \(configuration.start) is not finite; give finite coordinates")
        }
        guard configuration.steps >= 1 else {
            throw RunError("steps must be at least 1, got \(configuration.steps)")
        }
        if let clip = configuration.clipGradNorm, !(clip > 0 && clip.isFinite) {
            throw RunError("the gradient clip norm must be a finite number > 0, got \(clip); jettify's visualizer uses 1.0")
        }
        if let sigma = configuration.gradientNoise?.sigma, !(sigma >= 0 && sigma.isFinite) {
            throw RunError("the gradient noise must be a finite number >= 0, got \(sigma)")
        }
        noise = configuration.gradientNoise.map(GradientNoiseSource.init)
        switch configuration.layout {
        case .tensor: parameters = [Parameter(configuration.start)]
        case .split: parameters = configuration.start.map { Parameter([$0]) }
        }
        let observer = observing ? StepObserver(channels: spec.definition.channels, elementCount: dimension) : nil
        heard = HeardChannels(
            previousGradient: observer?[.previousGradient], friction: observer?[.friction], firstMoment: observer?[.firstMoment])
        self.observer = observer
        optimizer = spec.makeOptimizer(for: parameters, observer: observer)
        if let scheduler = configuration.scheduler {
            if let problem = configuration.scheduleProblem(for: spec) { throw RunError(problem) }
            schedule = try Self.schedule(scheduler, of: optimizer, steps: configuration.steps)
        } else {
            schedule = nil
        }
        self.objective = objective
        self.configuration = configuration
        point = configuration.start
        nextPoint = configuration.start
        gradient = Array(repeating: 0, count: dimension)
    }

    /// Runs every step, recording as `recorder` wants; returns the step that diverged, if any.
    /// The loop is specialised for a run without a schedule, so that it pays nothing for one.
    mutating func run<Recorder: StepRecorder>(recording recorder: inout Recorder) -> Int? {
        // Copies of the loop, so that the plain one tests nothing for a closure or a schedule.
        if let schedule {
            let stepping = Scheduled(group: schedule.group, scheduler: schedule.scheduler, optimizer: optimizer)
            return run(recording: &recorder, stepping: stepping, withClosure: optimizer.needsClosure)
        }
        return optimizer.needsClosure
            ? run(recording: &recorder, stepping: Unscheduled(), withClosure: true)
            : run(recording: &recorder, stepping: Unscheduled(), withClosure: false)
    }

    @inline(__always)
    private mutating func run<Recorder: StepRecorder, Stepping: ScheduleStepping>(
        recording recorder: inout Recorder, stepping: Stepping, withClosure needsClosure: Bool
    ) -> Int? {
        recorder.recordStart(point)
        for step in 1...configuration.steps {
            optimizer.zeroGrad(configuration.zeroGrad)
            let loss = objective.valueAndGradient(at: point, into: &gradient)
            recorder.recordLoss(loss)
            guard Self.allFinite(loss, gradient) else { return step }
            backward()
            if var source = noise {
                source.perturb(parameters)
                noise = source
            }
            if let clip = configuration.clipGradNorm { clipGradNorm(parameters, maxNorm: clip) }
            recorder.recordGradient(parameters, learningRate: stepping.learningRate)
            if needsClosure { stepWithClosure() } else { optimizer.step() }
            stepping.step(loss: loss)
            guard gatherNextPoint() else {
                recorder.discardLastGradient()
                return step
            }
            swap(&point, &nextPoint)
            recorder.recordStep(point: point, heard: heard)
        }
        recorder.recordLoss(objective.value(at: point))
        return nil
    }

    /// The group of `optimizer`'s lr and momentum (β₁ for an optimizer with betas, as PyTorch's
    /// `use_beta1`), and the scheduler constructed over it, written into the optimizer.
    private static func schedule(_ spec: SchedulerSpec, of optimizer: Optimizer, steps: Int) throws(RunError)
        -> (group: ParameterGroup, scheduler: any Scheduler)
    {
        let momentum = optimizer.groupValue(.beta1).map { ("beta1", $0) } ?? optimizer.groupValue(.momentum).map { ("momentum", $0) }
        let group = ParameterGroup(lr: optimizer.groupValue(.lr) ?? 0, momentum: momentum)
        let scheduler: any Scheduler
        do {
            scheduler = try spec.makeScheduler(for: group)
        } catch {
            throw RunError(error.description)
        }
        write(group, into: optimizer)
        return (group, scheduler)
    }

    static func write(_ group: ParameterGroup, into optimizer: Optimizer) {
        var values: [(key: OptionKey<Double>, value: Double)] = [(.lr, group.lr)]
        if let key = group.momentumKey, let momentum = group.momentum { values.append((OptionKey(key), momentum)) }
        optimizer.setGroupValues(values)
    }

    /// Whether f and every element of ∇f are finite: x·0 is 0 for a finite x and NaN for ±∞
    /// and NaN, so one comparison of the sum decides, without a branch per element.
    @inline(__always)
    private static func allFinite(_ loss: Double, _ gradient: [Double]) -> Bool {
        var zero = loss * 0
        for element in gradient { zero += element * 0 }
        return zero == 0
    }

    /// `optimizer.step(closure)`, kept out of the loop so that the closure's hold on the loop's
    /// state does not slow the other optimizers' steps.
    @inline(never)
    private mutating func stepWithClosure() {
        optimizer.step { evaluateAtParameters() }
    }

    /// The closure of `optimizer.step(closure)`: zero_grad, f at the parameters' current
    /// values, backward (and the clip), as the step before it; returns f.
    private mutating func evaluateAtParameters() -> Double {
        _ = gatherNextPoint()
        optimizer.zeroGrad(configuration.zeroGrad)
        let loss = objective.valueAndGradient(at: nextPoint, into: &gradient)
        backward()
        if let clip = configuration.clipGradNorm { clipGradNorm(parameters, maxNorm: clip) }
        return loss
    }

    /// Adds ∇f into each parameter's gradient buffer: `loss.backward()`.
    private func backward() {
        gradient.withUnsafeBufferPointer { gradient in
            var offset = 0
            parameters.forEachBorrowed { _, parameter in
                let count = parameter.count
                parameter.accumulateGradient(UnsafeBufferPointer(rebasing: gradient[offset..<offset + count]))
                offset += count
            }
        }
    }

    /// Copies the parameters' values into `nextPoint`; returns whether they are all finite.
    private mutating func gatherNextPoint() -> Bool {
        let parameters = self.parameters
        var finite = true
        nextPoint.withUnsafeMutableBufferPointer { point in
            var offset = 0
            parameters.forEachBorrowed { _, parameter in
                let values = parameter.storage
                for index in values.indices {
                    point[offset + index] = values[index]
                    finite = finite && values[index].isFinite
                }
                offset += values.count
            }
        }
        return finite
    }
}

/// What the loop does about the learning rate after each `optimizer.step()`.
protocol ScheduleStepping {
    /// The lr the next step uses, for the record; nil when it is the optimizer's constant lr.
    var learningRate: Double? { get }
    /// `scheduler.step()` (ReduceLROnPlateau reads `loss`), then the group's values into the optimizer.
    func step(loss: Double)
}

/// A constant lr: nothing to do.
struct Unscheduled: ScheduleStepping {
    var learningRate: Double? { nil }
    @inline(__always) func step(loss: Double) {}
}

/// A scheduler over the optimizer's group; the optimizer is retuned only when a value changed.
final class Scheduled: ScheduleStepping {
    let group: ParameterGroup
    let scheduler: any Scheduler
    let optimizer: Optimizer
    /// The group's revision last written into the optimizer.
    private var written: Int
    /// The group's lr, read once per change.
    private(set) var learningRate: Double?

    init(group: ParameterGroup, scheduler: any Scheduler, optimizer: Optimizer) {
        self.group = group
        self.scheduler = scheduler
        self.optimizer = optimizer
        written = group.revision
        learningRate = group.lr
    }

    func step(loss: Double) {
        scheduler.step(loss: loss)
        guard group.revision != written else { return }
        written = group.revision
        learningRate = group.lr
        Loop.write(group, into: optimizer)
    }
}
