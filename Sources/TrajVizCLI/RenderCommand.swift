import ArgumentParser
import Foundation
import GDRenderer
import Optimizers
import Scenes
import Trajectories
import UseCases
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
              trajviz render --function rosenbrock --optimizer "adam(lr=0.05)" --gradient-noise 2 --runs 16
            """
    )

    @OptionGroup var function: FunctionOptions
    @Option(help: "An optimizer spec, e.g. \"adam(lr=0.01)\" (repeatable, up to 12 overlaid).")
    var optimizer: [String] = []
    @Option(help: "A run computed elsewhere: trajectory JSON (ours or `python -m trajviz_torch record`'s), our CSV, or a CSV of x,y rows (repeatable; labelled from the file).")
    var trajectory: [String] = []
    @OptionGroup var runOptions: RunOptions
    @OptionGroup var noise: NoiseOptions
    @OptionGroup var style: MapStyleOptions
    @Option(help: "overlay: every path on one map; grid: one panel per path on a shared colour scale.")
    var layout: LayoutName = .overlay
    @Option(name: .customLong("color-by"), help: "Colour each path's steps by its step number or by the lr the step used (with --scheduler), with a colour bar for it.")
    var colorBy: PathColoring?
    @Flag(help: "Write an animated GIF in which the paths advance step by step.")
    var animate = false
    @Option(help: "With --animate: animation frames (2...400, default 60).") var frames: Int?
    @Option(name: .customLong("frame-delay"), help: "With --animate: delay between frames, in milliseconds (10...10000, default 80).")
    var frameDelay: Int?
    @Option(help: "PNG compression level, 0 (none, fastest) to 9 (smallest, slowest).") var compression: Int = PNGCompression.defaultLevel
    @Option(help: "The file to write (default: output/<function>-<optimizers>[-<hash>].png or .gif; - for stdout when it is not a terminal).") var output: String?

    enum LayoutName: String, ExpressibleByArgument, CaseIterable { case overlay, grid }

    func validate() throws {
        if let frames, !(2...400).contains(frames) { throw ValidationError("--frames must be from 2 to 400 (got \(frames))") }
        if let frameDelay, !(10...10_000).contains(frameDelay) {
            throw ValidationError("--frame-delay must be from 10 to 10000 milliseconds (got \(frameDelay))")
        }
        try validateAnimationFlags()
        guard (0...9).contains(compression) else { throw ValidationError("--compression must be from 0 to 9 (got \(compression))") }
    }

    /// Flags that only make sense together: an animation is a GIF of the overlay, a still a PNG.
    private func validateAnimationFlags() throws {
        let format = output.map { ($0 as NSString).pathExtension.lowercased() }
        if animate {
            if layout == .grid { throw ValidationError("--animate animates the overlay; drop --layout grid, or drop --animate for a grid of still panels") }
            if format == "png" { throw ValidationError("--animate writes a GIF; name the --output file .gif, or drop --animate for a PNG") }
        } else {
            if format == "gif" { throw ValidationError("--output \(output ?? "") is a GIF; add --animate to animate the paths, or name the file .png") }
            for (flag, given) in [("--frames", frames != nil), ("--frame-delay", frameDelay != nil)] where given {
                throw ValidationError("\(flag) applies to animations; add --animate, or drop \(flag)")
            }
        }
    }

    func run() throws {
        let request = MapRequest(
            function: function.request, optimizers: optimizer, trajectories: trajectory, run: runOptions.settings(noise: noise),
            style: style.style(layout: layout == .overlay ? .overlay : .grid, colorBy: colorBy))
        let prepared = try checked { try request.prepared(limits: .commandLine) }
        let name = OutputName.forRun(
            function: prepared.function, optimizers: prepared.specs, others: trajectory + prepared.settings.noiseNameParts,
            configuration: prepared.noisyConfiguration())
        let file = try OutputFile(path: output ?? "output/\(name).\(animate ? "gif" : "png")", content: .binary)
        if animate {
            let animation = try handOver { try request.frames(prepared, count: frames ?? 60, limits: .commandLine) }
            try file.commit(try FigureRenderer.gif(animation, delay: max(1, (frameDelay ?? 80) / 10)))
        } else {
            let figure = try handOver { try request.figure(prepared, limits: .commandLine) }
            try file.commit(try FigureRenderer.png(figure, compression: compression))
        }
    }
}

extension PathColoring: ExpressibleByArgument {}
