import Foundation
import Optimizers
import Plotting
import Scenes
import Trajectories
import UseCases

/// A request's query parameters, named as the command line's flags (`optimizer` repeatable),
/// turned into the use cases' requests. Each endpoint takes the flags its command takes and
/// refuses any other name, so that no parameter can name a file.
struct ExplorerQuery {
    /// The parameters of a run, shared by every endpoint.
    static let runParameters: Set<String> = [
        "function", "dim", "condition-number", "optimizer", "steps", "start", "zero-grad", "clip-grad-norm", "param-layout",
    ]
    /// A run's lr schedule and gradient noise, which every endpoint but the diagnosis takes.
    static let scheduleAndNoiseParameters: Set<String> = ["scheduler", "gradient-noise", "noise-scale", "seed", "runs"]
    /// What `/trajectory.json` takes: `trajviz trajectory`'s flags.
    static let trajectoryParameters = runParameters.union(scheduleAndNoiseParameters)
    /// What `/map.png` takes: `trajviz render`'s flags.
    static let mapParameters = trajectoryParameters.union([
        "size", "colormap", "levels", "fill", "domain", "layout", "color-by", "view", "azimuth", "elevation", "show", "show-every",
    ])
    /// What `/curves.png` takes: `trajviz curves`' flags.
    static let curvesParameters = trajectoryParameters.union(["size"])

    private var values: [String: [String]] = [:]

    /// The name-value pairs of a query string, as a form encodes them: '+' is a space, then
    /// percent-escapes are decoded; a pair without '=' has an empty value.
    static func pairs(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decoded(parts[0]), parts.count > 1 ? decoded(parts[1]) : "")
        }
    }

    /// The pairs in order; a name outside `accepted` is refused, naming the ones that are.
    init(_ pairs: [(name: String, value: String)], accepted: Set<String>) throws(RequestError) {
        for (name, value) in pairs {
            guard accepted.contains(name) else {
                throw RequestError("unknown parameter '\(name)'; this endpoint takes \(accepted.sorted().joined(separator: ", "))")
            }
            values[name, default: []].append(value)
        }
        for (name, given) in values where given.count > 1 && name != "optimizer" {
            throw RequestError("--\(name) is given \(given.count) times; give it once")
        }
    }

    private func value(_ name: String) -> String? { values[name]?.first }

    private func parsed<T>(_ name: String, _ parse: (String, String) throws(RequestError) -> T) throws(RequestError) -> T? {
        guard let text = value(name) else { return nil }
        return try parse(text, "--\(name)")
    }

    var optimizers: [String] { values["optimizer"] ?? [] }

    var function: FunctionRequest {
        get throws(RequestError) {
            guard let name = value("function") else { throw RequestError("give --function: a catalog name or an expression in x and y") }
            return FunctionRequest(
                function: name, dim: try parsed("dim", RequestValues.integer), conditionNumber: try parsed("condition-number", RequestValues.number))
        }
    }

    var run: RunSettings {
        get throws(RequestError) {
            var run = RunSettings()
            if let steps = try parsed("steps", RequestValues.integer) { run.steps = steps }
            run.start = try parsed("start", RequestValues.vector)
            if let mode: ZeroGradMode = try parsed("zero-grad", RequestValues.choice) { run.zeroGrad = mode }
            run.clipGradNorm = try parsed("clip-grad-norm", RequestValues.number)
            if let layout: ParameterLayout = try parsed("param-layout", RequestValues.choice) { run.paramLayout = layout }
            run.scheduler = value("scheduler")
            run.gradientNoise = try parsed("gradient-noise", RequestValues.number)
            if let scale: GradientNoise.Scale = try parsed("noise-scale", RequestValues.choice) { run.noiseScale = scale }
            if let seed = try parsed("seed", RequestValues.unsigned) { run.seed = seed }
            if let runs = try parsed("runs", RequestValues.integer) { run.runs = runs }
            return run
        }
    }

    var size: ImageSize? {
        get throws(RequestError) { try parsed("size") { text, _ throws(RequestError) in try ImageSize(parsing: text) } }
    }

    var map: MapRequest {
        get throws(RequestError) {
            var style = MapStyle(size: try size, levels: value("levels"), domain: try parsed("domain", RequestValues.vector))
            if let colormap = value("colormap") { style.colormap = colormap }
            if let fill: FieldFill = try parsed("fill", RequestValues.choice) { style.fill = fill }
            if let layout: MapLayout = try parsed("layout", RequestValues.choice) { style.layout = layout }
            style.colorBy = try parsed("color-by", RequestValues.choice)
            if let view = value("view") {
                guard let chosen = ["map": MapView.map, "3d": .surface, "both": .both][view] else {
                    throw RequestError("--view must be one of map, 3d, both (got '\(view)')")
                }
                style.view = chosen
            }
            style.azimuth = try parsed("azimuth", RequestValues.number)
            style.elevation = try parsed("elevation", RequestValues.number)
            style.show = try value("show").map { list throws(RequestError) in
                var kinds: [InsideVector] = []
                for name in list.split(separator: ",") { kinds.append(try RequestValues.choice(name.trimmingCharacters(in: .whitespaces), flag: "--show")) }
                return kinds
            } ?? []
            style.showEvery = try parsed("show-every", RequestValues.integer)
            return MapRequest(function: try function, optimizers: optimizers, run: try run, style: style)
        }
    }

    var curves: CurvesRequest {
        get throws(RequestError) { CurvesRequest(function: try function, optimizers: optimizers, run: try run, size: try size) }
    }

    var trajectory: TrajectoryRequest {
        get throws(RequestError) { TrajectoryRequest(function: try function, optimizers: optimizers, run: try run) }
    }

    /// The diagnosis of the one `optimizer` given; `zero-grad` picks the run its figures show.
    var diagnosis: DiagnosisRequest {
        get throws(RequestError) {
            guard optimizers.count == 1 else { throw RequestError("give one --optimizer: a DiffGrad-family spec to diagnose") }
            return DiagnosisRequest(function: try function, optimizer: optimizers[0], run: try run)
        }
    }
}
