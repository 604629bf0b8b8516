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

    /// The function, optimizers and run settings resolved and checked, before any run.
    public func prepared(limits: RequestLimits) throws(RequestError) -> PreparedRun {
        guard !optimizers.isEmpty || !trajectories.isEmpty else {
            throw RequestError("give at least one --optimizer SPEC or --trajectory FILE to draw")
        }
        guard limits.readsFiles || trajectories.isEmpty else { throw RequestError("--trajectory names a file; files are not read here") }
        return try PreparedRun(function: function, optimizers: optimizers, recorded: trajectories, run: run, limits: limits)
    }

    /// The scene: every optimizer run, every recorded run read, the style checked.
    public func scene(limits: RequestLimits) throws(RequestError) -> Outcome<MapScene> {
        try scene(try prepared(limits: limits), limits: limits)
    }

    /// The scene of a prepared request.
    public func scene(_ prepared: PreparedRun, limits: RequestLimits) throws(RequestError) -> Outcome<MapScene> {
        var prepared = prepared
        let options = try style.mapOptions(limits: limits)
        var paths: [PlottedPath] = []
        let recordsMoments = style.show.contains(.momentum)
        for spec in prepared.specs {
            if recordsMoments && !spec.reportsFirstMoment {
                prepared.warnings.append("\(spec) reports no first moment or momentum buffer; it gets no momentum arrows")
            }
            let fan = try prepared.fan(spec, consequence: "its path ends with a cross", recordingFirstMoments: recordsMoments)
            paths.append(fan.plottedPath(of: spec, label: run.label(for: spec)))
        }
        for file in trajectories {
            let path = try asRequestError { try PathFile.read(file, dimension: prepared.function.dimension) }
            if let step = path.divergedAtStep { prepared.warnings.append("\(file) diverged at step \(step); its path ends with a cross") }
            paths.append(path)
        }
        let scene = try asRequestError { try MapScene(function: prepared.function, paths: paths, options: options) }
        return Outcome(scene, warnings: prepared.warnings)
    }

    /// The still picture.
    public func figure(limits: RequestLimits) throws(RequestError) -> Outcome<Figure> {
        try figure(try prepared(limits: limits), limits: limits)
    }

    /// The still picture of a prepared request.
    public func figure(_ prepared: PreparedRun, limits: RequestLimits) throws(RequestError) -> Outcome<Figure> {
        let scene = try scene(prepared, limits: limits)
        return scene.map(try drawable(size: style.size) { [try scene.value.figure()] }[0])
    }

    /// `count` animation frames of a prepared request, in which the paths advance step by step
    /// or (`rotating`, in a 3-D view) the camera turns once around.
    public func frames(_ prepared: PreparedRun, count: Int, rotating: Bool = false, limits: RequestLimits) throws(RequestError) -> Outcome<[Figure]> {
        let scene = try scene(prepared, limits: limits)
        return scene.map(try drawable(size: style.size) { try scene.value.frames(count: count, rotating: rotating) })
    }
}
