import ArgumentParser
import Foundation
import Scenes
import ImageDiff
import Optimizers
import Tuning

/// `trajviz gallery`: the main job, every catalog function by every optimizer with tuned learning rates.
struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Tune every optimizer on every function and render maps, family overlays, curves, DiffGrad diagnostics, a metrics table and index.html.",
        discussion: """
            Example: trajviz gallery --functions rosenbrock,rastrigin --optimizers adam,sgd,diffgrad --jobs 2
            Learning-rate searches are cached in <output>/lr-cache.json; a rerun only renders.
            """
    )

    @Option(help: "Comma-separated function names (default: every 2-D catalog function).", transform: parseList)
    var functions: [String] = []
    @Option(help: "Comma-separated optimizer names or specs (default: every optimizer); a spec with an lr, adam(lr=0.1), is run at that lr, untuned.", transform: parseList)
    var optimizers: [String] = []
    @Option(help: "The folder to write into.") var output: String = "output/gallery"
    @Option(help: "Worker threads (default: the number of cores).") var jobs: Int?
    @Option(help: "Steps of each final path (1...100000).") var steps: Int = 500
    @Option(help: "Evaluations of each learning-rate search (1...\(LearningRateSearch.maximumBudget)).") var budget: Int = LearningRateSearch.defaultBudget
    @Option(
        name: [.customLong("tune-objective"), .customLong("objective")],
        help: ArgumentHelp(
            "What each search minimises: jettify, kozistr, final-loss, mean-loss or steps-to[=TOL].",
            discussion: """
                jettify (default): |x_n - x*|², the squared distance to the nearest minimum after 100 steps.
                kozistr: pytorch_optimizer's penalised score after 200 steps, |x_n - x*|² + 100·(worst excursion beyond each side of the domain, summed) + 0.4·mean f(x_k) + 0.1·mean |x_{k+1,i} - x_{k,i}| + 0.2·(mean f(x_k) - min f(x_k)), k < n.
                final-loss: f(x_n). mean-loss: the mean of f(x_0) ... f(x_n).
                steps-to=TOL (default 1e-3): the first k with f(x_k) - f* <= TOL, else n + log10((f(x_n) - f*)/TOL).
                A function without what an objective needs (minima, domain, f*) is tuned by final-loss.
                """))
    var objective: String = SearchObjective.jettify.description
    @Option(help: "Comma-separated options each search tunes, over the intervals their optimizer declares (lr: its log interval; momentum, beta1, ...: their ranges), in coordinate-wise rounds within one --budget.", transform: parseList)
    var tune: [String] = ["lr"]
    @Option(name: .customLong("search-steps"), help: "Steps of each search evaluation (default: the objective's own, 100; kozistr 200).")
    var searchSteps: Int?
    @Option(
        help: "Comma-separated kinds of image to make: \(GalleryFigure.allCases.map(\.rawValue).joined(separator: ", ")) (default: all).",
        transform: parseList)
    var figures: [String] = GalleryFigure.allCases.map(\.rawValue)
    @Option(help: "Instead of the gallery, render the scenes of this file (the README's images, e.g. output/readme/scenes.json) next to it.")
    var scenes: String?
    @Flag(help: "With --scenes: render into a scratch folder and compare with the committed images (exit 1 on a difference).")
    var check = false
    @Option(help: "With --scenes --check: write diff images, report.json and index.html into this folder.")
    var report: String?

    func validate() throws {
        if output == "-" { throw ValidationError("--output names the gallery's folder; - (standard output) cannot hold it") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be from 1 to 256 (got \(jobs))") }
        guard (1...100_000).contains(steps) else { throw ValidationError("--steps must be from 1 to 100000 (got \(steps))") }
        guard (1...LearningRateSearch.maximumBudget).contains(budget) else {
            throw ValidationError("--budget must be from 1 to \(LearningRateSearch.maximumBudget) (got \(budget))")
        }
        if check && scenes == nil { throw ValidationError("--check goes with --scenes FILE") }
        if report != nil && !check { throw ValidationError("--report goes with --scenes FILE --check") }
        do {
            _ = try GalleryFigure.parseList(figures)
        } catch {
            throw ValidationError("--figures: \(error.description)")
        }
        do {
            _ = try SearchObjective(parsing: objective)
        } catch {
            throw ValidationError("--tune-objective: \(error.description)")
        }
        if let searchSteps, !(1...100_000).contains(searchSteps) {
            throw ValidationError("--search-steps must be from 1 to 100000 (got \(searchSteps))")
        }
        guard !tune.isEmpty else { throw ValidationError("--tune needs at least one option, e.g. --tune lr,momentum") }
    }

    func run() throws {
        if let scenes { return try runScenes(scenes) }
        let functions = withoutRepeats(functions, flag: "--functions") { $0 }
        let optimizers = try withoutRepeats(optimizers, flag: "--optimizers") { try optimizerSpec($0).description }
        let settings = GallerySettings(
            functions: functions, optimizers: optimizers, output: output, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, steps: steps, searchSteps: searchSteps, budget: budget,
            objective: try SearchObjective(parsing: objective), figures: try GalleryFigure.parseList(figures),
            tune: tune)
        Interruption.install()
        let gallery = try resolvingArguments { try Gallery(settings: settings) }
        let result: GalleryResult
        do {
            result = try gallery.run()
        } catch where Interruption.isRequested {
            warn("interrupted: finished files and the learning-rate cache are saved; run the same command again to finish")
            throw ExitCode(130)
        }
        for entry in result.entries {
            if let step = entry.run.divergedAtStep { warnDiverged(entry.spec, at: step, on: entry.function.name, "its path ends with a cross") }
        }
        print("\(result.entries.count) pairs tuned and run in \(String(format: "%.1f", result.searchSeconds)) s; \(result.images.count) images in \(String(format: "%.1f", result.renderSeconds)) s")
        print("open \(result.folder.appendingPathComponent("index.html").path)")
    }
}

extension GalleryCommand {
    /// Renders a scene file's images next to it, or with `--check` compares fresh renders with them.
    func runScenes(_ path: String) throws {
        let list = try resolvingArguments { try SceneList.load(path) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard check else {
            let images = try SceneRendering.render(list, into: folder)
            print("rendered \(images.count) scenes into \(folder.path)")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-scene-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let images = try SceneRendering.render(list, into: scratch)
        var decoded: [String: DecodedPNG] = [:]
        for (name, data) in images { decoded[name] = try DecodedPNG(data: data, source: name) }
        let committed = try ImageSet.folder(folder).restricted(to: images.keys)
        let result = checkImages(baseline: committed, actual: .images(decoded), criteria: CheckCriteria(maxDiffPercent: 0.01))
        for image in result.images { print("\(image.status.rawValue): \(image.path) (\(image.message))") }
        if let report { _ = try result.writeReport(to: URL(fileURLWithPath: report)) }
        print(result.summary)
        if !result.passed {
            warn("the committed scene images differ from what the code renders; rerun `trajviz gallery --scenes \(path)` and commit them")
            throw ExitCode(1)
        }
    }
}

/// `items` with each repeat (the same `identity`) removed, noting each on stderr.
func withoutRepeats(_ items: [String], flag: String, identity: (String) throws -> String) rethrows -> [String] {
    var seen: Set<String> = []
    var kept: [String] = []
    for item in items {
        if seen.insert(try identity(item)).inserted {
            kept.append(item)
        } else {
            warn("\(flag) lists \(try identity(item)) more than once; it is run once")
        }
    }
    return kept
}

/// Splits "a,b,c" into its non-empty trimmed parts, keeping parentheses together ("adam(lr=0.1, amsgrad=true),sgd").
func parseList(_ text: String) throws -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in text {
        if character == "(" { depth += 1 }
        if character == ")" { depth -= 1 }
        if character == "," && depth == 0 {
            parts.append(current)
            current = ""
        } else {
            current.append(character)
        }
    }
    parts.append(current)
    return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
