import Objectives
import Scenes

/// `trajviz diagnose` and the server's `/overlap.png`, `/friction.png` and `/verdict.json`: a
/// DiffGrad-family optimizer run four ways (clone=false/true × zero-grad inplace/none) with the
/// aliasing verdict on each, or one, two or four recorded runs (command line only).
public struct DiagnosisRequest: Codable, Sendable, Equatable {
    /// The fewest and most steps a diagnosis runs: the first step has no g(t−1) to compare.
    public static let stepRange = 2...100_000

    /// The function; with recorded runs an empty name takes the one the first run recorded,
    /// and a family without `dim` the run's dimension.
    public var function: FunctionRequest
    /// A DiffGrad-family spec to run; `nil` with recorded runs.
    public var optimizer: String?
    /// Recorded runs (trajectory JSON with previousGradients): one, two or four files.
    public var trajectories: [String]
    /// Steps, start, clipping and layout; the zero-grad mode is ignored: every mode is run.
    public var run: RunSettings

    public init(function: FunctionRequest, optimizer: String?, trajectories: [String] = [], run: RunSettings = RunSettings()) {
        self.function = function
        self.optimizer = optimizer
        self.trajectories = trajectories
        self.run = run
    }

    /// The checked request: for a spec to run, its function, spec and configuration resolved
    /// (nil for recorded runs, whose function comes from the files).
    public func prepared(limits: RequestLimits) throws(RequestError) -> PreparedRun? {
        guard Self.stepRange.contains(run.steps) else {
            throw RequestError("--steps must be from \(Self.stepRange.lowerBound) to \(Self.stepRange.upperBound) (got \(run.steps))")
        }
        switch (optimizer, trajectories.count) {
        case (nil, 0): throw RequestError("give --optimizer SPEC to run, or --trajectory FILE (one, two or four) to diagnose recorded runs")
        case (.some, 1...): throw RequestError("give either --optimizer or --trajectory, not both")
        case (nil, 3), (nil, 5...): throw RequestError("give one, two or four --trajectory files (got \(trajectories.count))")
        default: break
        }
        guard let optimizer else {
            guard limits.readsFiles else { throw RequestError("--trajectory names a file; files are not read here") }
            return nil
        }
        guard !function.function.isEmpty else { throw RequestError("--optimizer needs --function: the function to run it on") }
        let prepared = try PreparedRun(function: function, optimizers: [optimizer], run: run, limits: limits)
        try limits.checkRecordedValues(runs: 4, steps: run.steps, dimension: prepared.function.dimension)  // four variants
        return prepared
    }

    /// The diagnosis, with the warnings on recorded runs drawn on another function and on
    /// runs that diverged or compare few steps.
    public func diagnosis(limits: RequestLimits) throws(RequestError) -> Outcome<Diagnosis> {
        try diagnosis(try prepared(limits: limits), limits: limits)
    }

    /// The diagnosis of a prepared request.
    public func diagnosis(_ prepared: PreparedRun?, limits: RequestLimits) throws(RequestError) -> Outcome<Diagnosis> {
        let result: Diagnosis
        var warnings: [String] = []
        if let prepared {
            warnings = prepared.warnings
            result = try asRequestError {
                try Diagnosis(
                    function: prepared.function, functionArgument: prepared.functionArgument, spec: prepared.specs[0],
                    configuration: prepared.configuration)
            }
        } else {
            let runs = try asRequestError { try trajectories.map { (source: $0, run: try Diagnosis.recordedRun(at: $0)) } }
            let first = runs[0].run
            var function = function
            if function.function.isEmpty { function.function = first.function }
            if function.dim == nil, FunctionFamily(rawValue: function.function) != nil { function.dim = first.points.dimension }
            let definition = try function.resolve(limits: limits)
            for (source, run) in runs where run.function != function.function {
                warnings.append("\(source) was recorded on '\(run.function)'; its path is drawn on '\(function.function)'")
            }
            result = try asRequestError { try Diagnosis(function: definition, recorded: runs) }
        }
        return Outcome(result, warnings: warnings + result.warnings)
    }
}
