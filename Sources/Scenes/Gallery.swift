import Diagnostics
import Foundation
import GDRenderer
import Objectives
import Optimizers
import Plotting
import Trajectories
import Tuning
import _AtomicWrite

/// The main job: every function by every optimizer, each with a tuned learning rate, drawn as
/// maps, family overlays, loss curves and DiffGrad diagnostics, with a metrics table and an
/// offline index.html.
///
/// The search follows jettify's protocol by default (the squared distance from the point after
/// 100 clipped steps to the nearest minimum, 200 evaluations, log-uniform lr within
/// per-optimizer bounds); `objective` and `tune` choose another score and more options. Results
/// are cached in `lr-cache.json`, keyed by everything that affects them. Every file is written atomically, and the bytes do not depend on `jobs`.
public struct Gallery: Sendable {
    public let settings: GallerySettings
    public let functions: [FunctionDefinition]
    public let optimizers: [OptimizerSpec]

    public init(settings: GallerySettings) throws {
        self.settings = settings
        if settings.functions.isEmpty {
            functions = try FunctionCatalog.builtIn().filter { $0.dimension == 2 }
        } else {
            let catalog = FunctionCatalog()
            functions = try settings.functions.map { name in
                let definition = try catalog.resolve(name)
                guard definition.dimension == 2 else {
                    throw SceneError("the gallery draws functions of x and y; '\(name)' has \(definition.dimension) variables")
                }
                return definition
            }
        }
        for function in functions {
            if case .file(let path) = function.origin { RunInputs.note(path, as: "the definition file of \(function.name)") }
        }
        let names = settings.optimizers.isEmpty ? OptimizerCatalog.all.map(\.name) : settings.optimizers
        optimizers = try names.map { try OptimizerSpec(parsing: $0) }
        for key in settings.tune where key != "lr" && !optimizers.contains(where: { $0.definition.option(key) != nil }) {
            throw SceneError("--tune \(key): none of the optimizers has an option '\(key)'; each tunes the listed options it has (see trajviz list)")
        }
        for optimizer in optimizers {
            for key in settings.tune where key == "lr" || optimizer.definition.option(key) != nil {
                _ = try TunedOption(key, of: optimizer.definition)
            }
        }
    }

    /// Runs the whole job and returns what it made.
    public func run() throws -> GalleryResult {
        let folder = URL(fileURLWithPath: settings.output)
        let progress = ProgressBar(enabled: settings.showsProgress)
        let clock = ContinuousClock()
        let started = clock.now

        let cacheURL = folder.appendingPathComponent("lr-cache.json")
        let cache = LockedCache(SearchCache.load(from: cacheURL))
        if let warning = cache.warning { FileHandle.standardError.write(Data("trajviz: warning: \(warning)\n".utf8)) }

        let pairs = functions.flatMap { function in optimizers.map { (function, $0) } }
        progress.begin("tuning learning rates and running \(pairs.count) pairs", total: pairs.count)
        let entries: [GalleryEntry]
        do {
            entries = try WorkQueue.map(
                count: pairs.count, workers: settings.jobs, shouldStop: { Interruption.isRequested },
                onFinish: { _ in progress.advance() }
            ) { index in try entry(function: pairs[index].0, optimizer: pairs[index].1, cache: cache) }
        } catch {
            try? cache.save()
            progress.finish()
            throw error
        }
        try cache.save()
        progress.finish()
        let searched = clock.now

        let images = imageTasks(entries)
        progress.begin("rendering \(images.count) images", total: images.count)
        let written = try WorkQueue.map(
            count: images.count, workers: settings.jobs, shouldStop: { Interruption.isRequested },
            onFinish: { _ in progress.advance() }
        ) { index in
            let url = folder.appendingPathComponent(images[index].path)
            try FigureRenderer.writePNG(try images[index].figure(), to: url)
            return images[index].path
        }
        progress.finish()

        let table = MetricsTable(entries: entries)
        try writeAtomically(Data(table.markdown.utf8), to: folder.appendingPathComponent("metrics.md"))
        try writeAtomically(Data(table.csv.utf8), to: folder.appendingPathComponent("metrics.csv"))
        try writeAtomically(try table.json(), to: folder.appendingPathComponent("metrics.json"))
        let index = GalleryIndex(functions: functions, optimizers: optimizers.map(\.name), images: images, table: table)
        try writeAtomically(Data(index.html.utf8), to: folder.appendingPathComponent("index.html"))
        return GalleryResult(
            entries: entries, images: written, folder: folder,
            searchSeconds: seconds(searched - started), renderSeconds: seconds(clock.now - searched))
    }

    /// Tunes, runs and measures one optimizer on one function; an optimizer given with an lr
    /// (`adam(lr=0.1)`) is run as given, without a search.
    private func entry(function: FunctionDefinition, optimizer: OptimizerSpec, cache: LockedCache) throws -> GalleryEntry {
        guard !optimizer.arguments.contains(where: { $0.key == "lr" }) else {
            return try finalEntry(function: function, requested: optimizer, spec: optimizer, search: nil, tuning: nil)
        }
        let domain = try function.domain.map { domain throws(TuningError) in try SearchDomain(x: domain.x, y: domain.y) }
        // A function without what the objective needs (minima, a domain, f*) is tuned by its final loss.
        let computable = (try? settings.objective.check(
            function: function.name, minima: function.minima, domain: domain, minimumValue: function.minimumValue)) != nil
        let objective: SearchObjective = computable ? settings.objective : .finalLoss
        let searchSteps = settings.searchSteps ?? objective.defaultSteps
        let searchConfiguration = RunConfiguration(
            start: function.start, steps: searchSteps, zeroGrad: .inplace, clipGradNorm: settings.clipGradNorm)
        let evaluator = try LearningRateEvaluator(
            function: function.objective, named: function.name, optimizer: optimizer, configuration: searchConfiguration,
            objective: objective, minima: function.minima, domain: domain, minimumValue: function.minimumValue)
        // Each optimizer tunes the listed options it has (lr always); `init` checked that some optimizer has each.
        let tuned = settings.tune.filter { $0 == "lr" || optimizer.definition.option($0) != nil }
        let search = try OptionSearch(
            options: try tuned.map { key throws(TuningError) in try TunedOption(key, of: optimizer.definition) },
            search: try LearningRateSearch(budget: settings.budget))
        let key = SearchCacheKey(
            expression: function.expression, minima: function.minima, domain: domain, optimizer: optimizer.description,
            bounds: LearningRateBounds.defaults(for: optimizer.definition), objective: objective, search: search.search,
            steps: searchSteps, start: function.start, clipGradNorm: settings.clipGradNorm, zeroGrad: ZeroGradMode.inplace.rawValue,
            toolVersion: TrajVizVersion.current, tuned: tuned)
        let result: CachedSearchResult
        if let cached = cache.result(for: key), cached.spec != nil || cached.learningRate == nil {
            result = cached
        } else {
            result = cache.record(try search.run(from: optimizer, evaluate: evaluator.evaluate(spec:)), for: key)
        }
        // The exact values the search found: on a chaotic pair, even the lr rounded to three
        // digits ends somewhere else entirely.
        let spec = try result.spec.map { try OptimizerSpec(parsing: $0) } ?? optimizer
        let tuning = GalleryTuning(objective: objective, budget: settings.budget, options: tuned)
        return try finalEntry(function: function, requested: optimizer, spec: spec, search: result, tuning: tuning)
    }

    /// The final path of `spec` on `function`, measured; `requested` is the spec as the user gave it.
    private func finalEntry(
        function: FunctionDefinition, requested: OptimizerSpec, spec: OptimizerSpec, search: CachedSearchResult?,
        tuning: GalleryTuning?
    ) throws -> GalleryEntry {
        let run = try TrajectoryRunner.trajectory(
            of: function.objective, function: function.name, optimizer: spec,
            configuration: RunConfiguration(
                start: function.start, steps: settings.steps, zeroGrad: .inplace, clipGradNorm: settings.clipGradNorm))
        let metrics = TrajectoryMetrics(run, minima: function.minima, minimumValue: function.minimumValue)
        return GalleryEntry(
            function: function, requested: requested, spec: spec, search: search, run: run, metrics: metrics, tuning: tuning)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// What a gallery run made, and how long its two phases took.
public struct GalleryResult: Sendable {
    public let entries: [GalleryEntry]
    /// The images written, relative to `folder`.
    public let images: [String]
    public let folder: URL
    public let searchSeconds: Double
    public let renderSeconds: Double
}

/// The search cache shared by the gallery's workers.
final class LockedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var cache: SearchCache

    init(_ cache: SearchCache) { self.cache = cache }

    var warning: String? { lock.withLock { cache.warning } }

    func result(for key: SearchCacheKey) -> CachedSearchResult? { lock.withLock { cache.result(for: key) } }

    /// Records a search and returns its cached form.
    func record(_ result: OptionSearchResult, for key: SearchCacheKey) -> CachedSearchResult {
        lock.withLock {
            cache.record(result, for: key)
            return cache.result(for: key)!
        }
    }

    func save() throws { try lock.withLock { try cache.save() } }
}

/// The tool's version, part of every cache key.
public enum TrajVizVersion {
    public static let current = "0.1.0"
}
