import Objectives
import Optimizers

/// One point of a run and what the step from it received: a row of the trajectory CSV, and one
/// element of each series of the JSON.
public struct TrajectoryRow: Sendable, Equatable {
    /// 0 for the start point.
    public var step: Int
    public var point: [Double]
    /// f at the point; nil where it is not finite.
    public var loss: Double?
    /// The gradient the step from this point received; nil on the last point.
    public var gradient: [Double]?
    /// DiffGrad family: the g(t-1) that step read, and its friction ξ; nil otherwise and on the last point.
    public var previousGradient: [Double]?
    public var friction: [Double]?
    /// When asked for: the first moment or momentum buffer after the step from this point; nil otherwise and on the last point.
    public var firstMoment: [Double]?
    /// With a scheduler: the lr the step from this point used; nil otherwise and on the last point.
    public var learningRate: Double?
}

/// Takes a run's rows in order, as soon as each is complete.
public protocol TrajectorySink {
    mutating func receive(_ row: TrajectoryRow) throws
}

extension TrajectoryRunner {
    /// The run of `trajectory(of:...)`, handed to `sink` row by row instead of kept: memory stays
    /// that of one step however long the run. Returns the record without its series (they are
    /// empty), with `divergedAtStep` set; the first error `sink` throws ends the run.
    /// `recordingFirstMoments`: rows carry the first moment, when the optimizer reports one.
    public static func stream(
        of objective: any Objective, function: String, optimizer spec: OptimizerSpec, configuration: RunConfiguration,
        recordingFirstMoments: Bool = false, into sink: inout some TrajectorySink
    ) throws -> Trajectory {
        let recordsMoments = recordingFirstMoments && spec.reportsFirstMoment
        var loop = try Loop(objective: objective, spec: spec, configuration: configuration, observing: spec.hasFriction || recordsMoments)
        var recorder = StreamingRecorder(sink: sink, recordsFriction: spec.hasFriction, recordsFirstMoments: recordsMoments)
        let diverged = loop.run(recording: &recorder)
        try recorder.finish()
        sink = recorder.sink
        let dimension = objective.dimension
        var header = Trajectory(
            function: function, optimizer: spec.description, start: configuration.start, steps: configuration.steps,
            zeroGrad: configuration.zeroGrad.rawValue, clipGradNorm: configuration.clipGradNorm,
            points: VectorSeries(dimension: dimension), losses: [], gradients: VectorSeries(dimension: dimension),
            previousGradients: spec.hasFriction ? VectorSeries(dimension: dimension) : nil,
            friction: spec.hasFriction ? VectorSeries(dimension: dimension) : nil, divergedAtStep: diverged,
            paramLayout: configuration.layout == .tensor ? nil : configuration.layout.rawValue,
            scheduler: configuration.scheduler?.description, learningRates: configuration.scheduler == nil ? nil : [])
        header.firstMoments = recordsMoments ? VectorSeries(dimension: dimension) : nil
        header.record(configuration.gradientNoise)
        return header
    }
}

extension Trajectory {
    /// The recorded run as rows, as `TrajectoryRunner.stream` hands them over.
    public var rows: [TrajectoryRow] {
        points.indices.map { step in
            TrajectoryRow(
                step: step, point: points[step], loss: step < losses.count ? losses[step] : nil,
                gradient: step < gradients.count ? gradients[step] : nil,
                previousGradient: previousGradients.flatMap { step < $0.count ? $0[step] : nil },
                friction: friction.flatMap { step < $0.count ? $0[step] : nil },
                firstMoment: firstMoments.flatMap { step < $0.count ? $0[step] : nil },
                learningRate: learningRates.flatMap { step < $0.count ? $0[step] : nil })
        }
    }
}

/// Hands each point's row to a sink once the step from it is done (the last at `finish()`).
struct StreamingRecorder<Sink: TrajectorySink>: StepRecorder {
    var sink: Sink
    let recordsFriction: Bool
    let recordsFirstMoments: Bool
    /// The row of the current point, filled in as the step from it proceeds.
    var pending = TrajectoryRow(step: 0, point: [])
    /// The sink's first error: later rows are dropped, and `finish()` throws it.
    var failure: (any Error)?

    init(sink: Sink, recordsFriction: Bool, recordsFirstMoments: Bool = false) {
        self.sink = sink
        self.recordsFriction = recordsFriction
        self.recordsFirstMoments = recordsFirstMoments
    }

    mutating func recordStart(_ point: [Double]) {
        pending = TrajectoryRow(step: 0, point: point)
    }

    mutating func recordLoss(_ loss: Double) {
        pending.loss = loss.isFinite ? loss : nil
    }

    mutating func recordGradient(_ parameters: [Parameter], learningRate: Double?) {
        pending.learningRate = learningRate
        var gradient = [Double](repeating: 0, count: pending.point.count)
        gradient.withUnsafeMutableBufferPointer { gradient in
            var offset = 0
            parameters.forEachBorrowed { _, parameter in
                parameter.copyGradient(into: UnsafeMutableBufferPointer(rebasing: gradient[offset..<offset + parameter.count]))
                offset += parameter.count
            }
        }
        pending.gradient = gradient
    }

    mutating func recordStep(point: [Double], heard: HeardChannels) {
        if recordsFriction, let previous = heard.previousGradient, let friction = heard.friction {
            pending.previousGradient = Array(previous)
            pending.friction = Array(friction)
        }
        if recordsFirstMoments, let moment = heard.firstMoment { pending.firstMoment = Array(moment) }
        hand(pending)
        pending = TrajectoryRow(step: pending.step + 1, point: point)
    }

    mutating func discardLastGradient() {
        pending.gradient = nil
        pending.learningRate = nil
    }

    /// Hands over the last point's row; throws the sink's first error.
    mutating func finish() throws {
        hand(pending)
        if let failure { throw failure }
    }

    private mutating func hand(_ row: TrajectoryRow) {
        guard failure == nil else { return }
        do {
            try sink.receive(row)
        } catch {
            failure = error
        }
    }
}
