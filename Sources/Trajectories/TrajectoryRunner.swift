import Objectives
import Optimizers

/// Runs an optimizer on an objective with PyTorch's training loop, one step at a time:
///
///     optimizer.zero_grad(set_to_none = zeroGrad == .none)
///     loss = f(x); loss.backward()              // ∇f accumulated into each parameter's buffer
///     clip_grad_norm_(parameters, C)            // when a clip norm is set
///     optimizer.step()
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
        let recordsMoments = recordingFirstMoments && spec.definition.channels.contains { $0 === ObserverChannel.firstMoment }
        var loop = try Loop(objective: objective, spec: spec, configuration: configuration, probeFriction: spec.hasFriction || recordsMoments)
        var recorder = FullRecorder(
            dimension: objective.dimension, steps: configuration.steps, recordsFriction: spec.hasFriction, recordsFirstMoments: recordsMoments)
        let diverged = loop.run(recording: &recorder)
        let record = recorder.finish()
        var trajectory = Trajectory(
            function: function, optimizer: spec.description, start: configuration.start, steps: configuration.steps,
            zeroGrad: configuration.zeroGrad.rawValue, clipGradNorm: configuration.clipGradNorm,
            points: record.points, losses: record.losses, gradients: record.gradients,
            previousGradients: spec.hasFriction ? record.previous : nil,
            friction: spec.hasFriction ? record.friction : nil, divergedAtStep: diverged,
            paramLayout: configuration.layout == .tensor ? nil : configuration.layout.rawValue)
        trajectory.firstMoments = recordsMoments ? record.firstMoments : nil
        return trajectory
    }

    /// The same run, keeping only where it ended: for learning-rate searches and metrics.
    public static func summary(
        of objective: any Objective, optimizer spec: OptimizerSpec, configuration: RunConfiguration
    ) throws(RunError) -> RunSummary {
        var loop = try Loop(objective: objective, spec: spec, configuration: configuration, probeFriction: false)
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
    /// The gradient buffers as the step receives them.
    mutating func recordGradient(_ parameters: [Parameter])
    /// The step finished at a finite point.
    mutating func recordStep(point: [Double], observer: StepObserver?)
    /// The step made the point non-finite: forget its gradient.
    mutating func discardLastGradient()
}

/// Keeps everything, written into arrays sized for the whole run up front (no per-step
/// allocation or growth), trimmed and handed over as series by `finish()`.
struct FullRecorder: StepRecorder {
    let dimension: Int
    let recordsFriction: Bool
    var points: [Double]
    var losses: [Double]
    var gradients: [Double]
    var previousGradients: [Double]
    var friction: [Double]
    let recordsFirstMoments: Bool
    var firstMoments: [Double]
    var pointCount = 0
    var lossCount = 0
    var gradientCount = 0

    init(dimension: Int, steps: Int, recordsFriction: Bool, recordsFirstMoments: Bool = false) {
        self.dimension = dimension
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
        firstMoments: VectorSeries
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
            VectorSeries(dimension: dimension, storage: friction),
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

    mutating func recordGradient(_ parameters: [Parameter]) {
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

    mutating func recordStep(point: [Double], observer: StepObserver?) {
        let dimension = self.dimension
        let offset = pointCount * dimension
        points.withUnsafeMutableBufferPointer { points in
            for index in 0..<dimension { points[offset + index] = point[index] }
        }
        if recordsFriction, let heardPrevious = observer?[.previousGradient], let heardFriction = observer?[.friction] {
            let stepOffset = (pointCount - 1) * dimension
            previousGradients.withUnsafeMutableBufferPointer { previous in
                for index in 0..<dimension { previous[stepOffset + index] = heardPrevious[index] }
            }
            friction.withUnsafeMutableBufferPointer { friction in
                for index in 0..<dimension { friction[stepOffset + index] = heardFriction[index] }
            }
        }
        if recordsFirstMoments, let heard = observer?[.firstMoment] {
            let stepOffset = (pointCount - 1) * dimension
            firstMoments.withUnsafeMutableBufferPointer { moments in
                for index in 0..<dimension { moments[stepOffset + index] = heard[index] }
            }
        }
        pointCount += 1
    }

    mutating func discardLastGradient() {
        gradientCount -= 1
    }
}

/// Keeps only the loss where the run ended.
struct FinalRecorder: StepRecorder {
    var lastLoss: Double?

    mutating func recordLoss(_ loss: Double) {
        lastLoss = loss.isFinite ? loss : nil
    }

    func recordStart(_ point: [Double]) {}
    func recordGradient(_ parameters: [Parameter]) {}
    func recordStep(point: [Double], observer: StepObserver?) {}
    func discardLastGradient() {}
}

/// The parameters, optimizer and scratch space of one run.
struct Loop {
    let objective: any Objective
    let parameters: [Parameter]
    let optimizer: Optimizer
    let observer: StepObserver?
    let configuration: RunConfiguration
    /// The current point, gathered from the parameters after each step.
    var point: [Double]
    /// Scratch for the point after a step, swapped in when it is finite.
    var nextPoint: [Double]
    var gradient: [Double]

    init(objective: any Objective, spec: OptimizerSpec, configuration: RunConfiguration, probeFriction: Bool) throws(RunError) {
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
        switch configuration.layout {
        case .tensor: parameters = [Parameter(configuration.start)]
        case .split: parameters = configuration.start.map { Parameter([$0]) }
        }
        observer = probeFriction ? StepObserver(channels: spec.definition.channels, elementCount: dimension) : nil
        optimizer = spec.makeOptimizer(for: parameters, observer: observer)
        self.objective = objective
        self.configuration = configuration
        point = configuration.start
        nextPoint = configuration.start
        gradient = Array(repeating: 0, count: dimension)
    }

    /// Runs every step, recording as `recorder` wants; returns the step that diverged, if any.
    mutating func run<Recorder: StepRecorder>(recording recorder: inout Recorder) -> Int? {
        recorder.recordStart(point)
        for step in 1...configuration.steps {
            optimizer.zeroGrad(configuration.zeroGrad)
            let loss = objective.valueAndGradient(at: point, into: &gradient)
            recorder.recordLoss(loss)
            guard Self.allFinite(loss, gradient) else { return step }
            backward()
            if let clip = configuration.clipGradNorm { clipGradNorm(parameters, maxNorm: clip) }
            recorder.recordGradient(parameters)
            optimizer.step()
            guard gatherNextPoint() else {
                recorder.discardLastGradient()
                return step
            }
            swap(&point, &nextPoint)
            recorder.recordStep(point: point, observer: observer)
        }
        recorder.recordLoss(objective.value(at: point))
        return nil
    }

    /// Whether f and every element of ∇f are finite: x·0 is 0 for a finite x and NaN for ±∞
    /// and NaN, so one comparison of the sum decides, without a branch per element.
    @inline(__always)
    private static func allFinite(_ loss: Double, _ gradient: [Double]) -> Bool {
        var zero = loss * 0
        for element in gradient { zero += element * 0 }
        return zero == 0
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
