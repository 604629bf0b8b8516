import Plotting
import Scenes

/// `trajviz render` and the server's `/map.png`: a function's contour map with the paths of
/// optimizers run on it and of recorded runs.
public struct MapRequest: Codable, Sendable, Equatable {
    public var function: FunctionRequest
    /// Optimizer specs, each run from the same start (`--optimizer`, repeatable).
    public var optimizers: [String]
    /// Recorded runs to draw, trajectory JSON or CSV files (`--trajectory`; command line only).
    public var trajectories: [String]
    public var run: RunSettings
    public var style: MapStyle

    public init(
        function: FunctionRequest, optimizers: [String], trajectories: [String] = [], run: RunSettings = RunSettings(),
        style: MapStyle = MapStyle()
    ) {
        self.function = function
        self.optimizers = optimizers
        self.trajectories = trajectories
        self.run = run
        self.style = style
    }

    /// The scene: every optimizer run, every recorded run read, the style checked.
    public func scene(limits: RequestLimits) throws(RequestError) -> Outcome<MapScene> {
        guard !optimizers.isEmpty || !trajectories.isEmpty else {
            throw RequestError("give at least one --optimizer SPEC or --trajectory FILE to draw")
        }
        try limits.checkOptimizerCount(optimizers.count)
        guard limits.readsFiles || trajectories.isEmpty else { throw RequestError("--trajectory names a file; files are not read here") }
        let definition = try function.resolve(limits: limits)
        var (configuration, warnings) = try run.configuration(for: definition, limits: limits)
        var paths: [PlottedPath] = []
        for text in optimizers {
            let spec = try optimizerSpec(text)
            let trajectory = try UseCases.run(
                spec, on: function, definition, configuration: configuration, consequence: "its path ends with a cross", warnings: &warnings)
            paths.append(PlottedPath(trajectory, spec: spec))
        }
        for file in trajectories {
            let path = try asRequestError { try PathFile.read(file, dimension: definition.dimension) }
            if let step = path.divergedAtStep { warnings.append("\(file) diverged at step \(step); its path ends with a cross") }
            paths.append(path)
        }
        let scene = try asRequestError { try MapScene(function: definition, paths: paths, options: try style.mapOptions(limits: limits)) }
        return Outcome(scene, warnings: warnings)
    }

    /// The still picture.
    public func figure(limits: RequestLimits) throws(RequestError) -> Outcome<Figure> {
        let scene = try scene(limits: limits)
        return scene.map(try drawable(size: style.size) { [try scene.value.figure()] }[0])
    }

    /// `count` animation frames in which the paths advance step by step.
    public func frames(count: Int, limits: RequestLimits) throws(RequestError) -> Outcome<[Figure]> {
        let scene = try scene(limits: limits)
        return scene.map(try drawable(size: style.size) { try scene.value.frames(count: count) })
    }
}
