import Plotting
import Scenes
import Trajectories

/// `trajviz curves` and the server's `/curves.png`: loss and distance to the nearest minimum
/// against the step, for several optimizers and recorded runs.
public struct CurvesRequest: Codable, Sendable, Equatable {
    /// The default image size, 1400 x 560.
    public static let defaultSize = ImageSize(width: 1400, height: 560)

    public var function: FunctionRequest
    public var optimizers: [String]
    /// Recorded runs, trajectory JSON or CSV files (`--trajectory`; command line only).
    public var trajectories: [String]
    public var run: RunSettings
    /// Image size in pixels; `nil` takes `defaultSize`.
    public var size: ImageSize?

    public init(
        function: FunctionRequest, optimizers: [String], trajectories: [String] = [], run: RunSettings = RunSettings(), size: ImageSize? = nil
    ) {
        self.function = function
        self.optimizers = optimizers
        self.trajectories = trajectories
        self.run = run
        self.size = size
    }

    /// The function, optimizers and run settings resolved and checked, before any run.
    public func prepared(limits: RequestLimits) throws(RequestError) -> PreparedRun {
        guard !optimizers.isEmpty || !trajectories.isEmpty else {
            throw RequestError("give at least one --optimizer SPEC or --trajectory FILE to chart")
        }
        guard limits.readsFiles || trajectories.isEmpty else { throw RequestError("--trajectory names a file; files are not read here") }
        let size = size ?? Self.defaultSize
        try limits.checkSize(width: size.width, height: size.height)
        return try PreparedRun(function: function, optimizers: optimizers, recorded: trajectories, run: run, limits: limits)
    }

    /// The chart: every optimizer run, every recorded run read (a file of points alone gets f at each point).
    public func figure(limits: RequestLimits) throws(RequestError) -> Outcome<Figure> {
        try figure(try prepared(limits: limits))
    }

    /// The chart of a prepared request: a fan of noisy runs as its median and band. A run that
    /// diverged says where in its legend.
    public func figure(_ prepared: PreparedRun) throws(RequestError) -> Outcome<Figure> {
        var prepared = prepared
        let definition = prepared.function
        var runs: [(label: String, run: Trajectory)] = []
        var fans: [RunFan?] = []
        for spec in prepared.specs {
            let fan = try prepared.fan(spec, consequence: "its curves stop there")
            let trajectory = fan.runs[fan.medianIndex]
            runs.append((run.label(for: spec) + (trajectory.divergedAtStep.map { "  diverged at step \($0)" } ?? ""), trajectory))
            fans.append(fan.runs.count > 1 ? fan : nil)
        }
        for file in trajectories {
            var recorded = try asRequestError { try PathFile.run(file, dimension: definition.dimension) }
            if let step = recorded.divergedAtStep { prepared.warnings.append("\(file) diverged at step \(step); its curve stops there") }
            if recorded.losses.allSatisfy({ $0 == nil }) {
                recorded.losses = recorded.points.map { point in
                    let loss = definition.objective.value(at: point)
                    return loss.isFinite ? loss : nil
                }
            }
            runs.append((recorded.optimizer, recorded))
            fans.append(nil)
        }
        let size = size ?? Self.defaultSize
        let figure = try drawable(size: self.size) {
            [try CurvesScene(function: definition, runs: runs, fans: fans).figure(width: size.width, height: size.height)]
        }[0]
        return Outcome(figure, warnings: prepared.warnings)
    }
}
