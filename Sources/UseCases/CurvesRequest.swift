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

    /// The chart: every optimizer run, every recorded run read (a file of points alone gets f at each point).
    public func figure(limits: RequestLimits) throws(RequestError) -> Outcome<Figure> {
        guard !optimizers.isEmpty || !trajectories.isEmpty else {
            throw RequestError("give at least one --optimizer SPEC or --trajectory FILE to chart")
        }
        try limits.checkOptimizerCount(optimizers.count)
        guard limits.readsFiles || trajectories.isEmpty else { throw RequestError("--trajectory names a file; files are not read here") }
        let size = size ?? Self.defaultSize
        try limits.checkSize(width: size.width, height: size.height)
        let definition = try function.resolve(limits: limits)
        var (configuration, warnings) = try run.configuration(for: definition, limits: limits)
        var runs: [(label: String, run: Trajectory)] = []
        for text in optimizers {
            let spec = try optimizerSpec(text)
            let trajectory = try UseCases.run(
                spec, on: function, definition, configuration: configuration, consequence: "its curves stop there", warnings: &warnings)
            runs.append((PlottedPath.label(for: spec), trajectory))
        }
        for file in trajectories {
            var recorded = try asRequestError { try PathFile.run(file, dimension: definition.dimension) }
            if let step = recorded.divergedAtStep { warnings.append("\(file) diverged at step \(step); its curve stops there") }
            if recorded.losses.allSatisfy({ $0 == nil }) {
                recorded.losses = recorded.points.map { point in
                    let loss = definition.objective.value(at: point)
                    return loss.isFinite ? loss : nil
                }
            }
            runs.append((recorded.optimizer, recorded))
        }
        let figure = try drawable(size: self.size) {
            [try CurvesScene(function: definition, runs: runs).figure(width: size.width, height: size.height)]
        }[0]
        return Outcome(figure, warnings: warnings)
    }
}
