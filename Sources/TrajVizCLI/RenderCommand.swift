import ArgumentParser
import Foundation
import GDRenderer
import Optimizers
import Scenes
import Trajectories
import _AtomicWrite

/// `trajviz render`: a contour map of a function with the paths of one or more optimizers.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a function's contour map with optimizer paths (PNG, or an animated GIF).",
        discussion: """
            Examples:
              trajviz render --function rosenbrock --optimizer "adam(lr=0.05)" --optimizer "diffgrad(lr=0.05)"
              trajviz render --function rastrigin --optimizer adam --optimizer sgd --layout grid
              trajviz render --function "(x-1)^2 + 3*y^2" --trajectory mine.csv --animate
            """
    )

    @OptionGroup var function: FunctionOptions
    @Option(help: "An optimizer spec, e.g. \"adam(lr=0.01)\" (repeatable, up to 12 overlaid).")
    var optimizer: [String] = []
    @Option(help: "A path computed elsewhere: our trajectory JSON or CSV, or a CSV of x,y rows (repeatable).")
    var trajectory: [String] = []
    @OptionGroup var runOptions: RunOptions
    @OptionGroup var style: MapStyleOptions
    @Option(help: "overlay: every path on one map; grid: one panel per path on a shared colour scale.")
    var layout: LayoutName = .overlay
    @Flag(help: "Write an animated GIF in which the paths advance step by step.")
    var animate = false
    @Option(help: "Animation frames (2...400).") var frames: Int = 60
    @Option(name: .customLong("frame-delay"), help: "Delay between animation frames, in milliseconds (10...10000).")
    var frameDelay: Int = 80
    @Option(help: "PNG compression level, 0 (none, fastest) to 9 (smallest, slowest).") var compression: Int = PNGCompression.defaultLevel
    @Option(help: "The file to write (default: output/<function>-<optimizers>[-<hash>].png or .gif; - for stdout when it is not a terminal).") var output: String?

    enum LayoutName: String, ExpressibleByArgument, CaseIterable { case overlay, grid }

    func validate() throws {
        guard !optimizer.isEmpty || !trajectory.isEmpty else {
            throw ValidationError("give at least one --optimizer SPEC or --trajectory FILE to draw")
        }
        guard (2...400).contains(frames) else { throw ValidationError("--frames must be from 2 to 400 (got \(frames))") }
        guard (10...10_000).contains(frameDelay) else {
            throw ValidationError("--frame-delay must be from 10 to 10000 milliseconds (got \(frameDelay))")
        }
        guard (0...9).contains(compression) else { throw ValidationError("--compression must be from 0 to 9 (got \(compression))") }
    }

    func run() throws {
        let definition = try function.resolve()
        let configuration = try runOptions.configuration(for: definition)
        let specs = try optimizer.map { try OptimizerSpec(parsing: $0) }
        let files = try trajectory.map { try PathFile.read($0) }
        let name = OutputName.forRun(function: definition, optimizers: specs, others: trajectory, configuration: configuration)
        let file = try OutputFile(path: output ?? "output/\(name).\(animate ? "gif" : "png")", content: .binary)
        var paths: [PlottedPath] = []
        for spec in specs {
            let run = try TrajectoryRunner.trajectory(
                of: definition.objective, function: function.function, optimizer: spec, configuration: configuration)
            if let step = run.divergedAtStep { warn("\(spec) diverged at step \(step); its path ends with a cross") }
            paths.append(PlottedPath(run, spec: spec))
        }
        paths += files
        let scene = try MapScene(
            function: definition, paths: paths,
            options: try style.mapOptions(layout: layout == .overlay ? .overlay : .grid))
        try file.commit(
            animate
                ? try FigureRenderer.gif(try scene.frames(count: frames), delay: max(1, frameDelay / 10))
                : try FigureRenderer.png(try scene.figure(), compression: compression))
    }
}
