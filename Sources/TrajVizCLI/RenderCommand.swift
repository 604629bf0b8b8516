import ArgumentParser
import Foundation
import GDRenderer
import Optimizers
import Plotting
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
              trajviz render --function himmelblau --optimizer adam --view both --azimuth=-120 --elevation 40
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
    @Option(help: "map (contour map), 3d (the surface as a lit mesh with the paths on it), or both side by side.")
    var view: ViewName = .map
    @Option(help: "With --view 3d or both: the camera's angle about the vertical axis in degrees, e.g. --azimuth=-120 (default -60).")
    var azimuth: Double?
    @Option(help: "With --view 3d or both: the camera's height above the floor, in degrees, -90...90 (default 30).")
    var elevation: Double?
    @Option(help: "The optimizer's insides as arrows along the paths: any of step, momentum, gradient, comma-separated (each kind to one scale, given in the legend).")
    var show: String?
    @Option(name: .customLong("show-every"), help: "With --show: an arrow at every K-th point (default: about 15 along the longest path).")
    var showEvery: Int?
    @Option(name: .customLong("color-by"), help: "Colour each path's steps by its step number or by the lr the step used (with --scheduler), with a colour bar for it.")
    var colorBy: PathColoring?
    @Flag(help: "Write an animated GIF in which the paths advance step by step.")
    var animate = false
    @Flag(help: "With --animate and --view 3d or both: turn the camera once around instead of growing the paths.")
    var rotate = false
    @Option(help: "With --animate: animation frames (2...400, default 60).") var frames: Int?
    @Option(name: .customLong("frame-delay"), help: "With --animate: delay between frames, in milliseconds (10...10000, default 80).")
    var frameDelay: Int?
    @Option(help: "PNG compression level, 0 (none, fastest) to 9 (smallest, slowest).") var compression: Int = PNGCompression.defaultLevel
    @Option(help: "The file to write (default: output/<function>-<optimizers>[-<hash>].png or .gif; - for stdout when it is not a terminal).") var output: String?

    enum LayoutName: String, ExpressibleByArgument, CaseIterable { case overlay, grid }
    enum ViewName: String, ExpressibleByArgument, CaseIterable { case map, threeD = "3d", both }

    func validate() throws {
        if let frames, !(2...400).contains(frames) { throw ValidationError("--frames must be from 2 to 400 (got \(frames))") }
        if let frameDelay, !(10...10_000).contains(frameDelay) {
            throw ValidationError("--frame-delay must be from 10 to 10000 milliseconds (got \(frameDelay))")
        }
        try validateAnimationFlags()
        try validateViewFlags()
        try validateShowFlags()
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

    /// The camera flags need a 3-D view; a 3-D view draws one overlay.
    private func validateViewFlags() throws {
        if view == .map {
            for (flag, given) in [("--azimuth", azimuth != nil), ("--elevation", elevation != nil), ("--rotate", rotate)] where given {
                throw ValidationError("\(flag) sets the 3-D camera; add --view 3d (or --view both), or drop \(flag)")
            }
        }
        if let azimuth, !azimuth.isFinite { throw ValidationError("--azimuth must be a finite angle in degrees (got \(azimuth))") }
        if let elevation, !(-90...90).contains(elevation) { throw ValidationError("--elevation must be from -90 to 90 degrees (got \(elevation))") }
        if rotate && !animate { throw ValidationError("--rotate turns the camera in an animation; add --animate, or drop --rotate") }
        if view != .map && layout == .grid { throw ValidationError("--view \(view.rawValue) draws every path on one surface; drop --layout grid, or use --view map") }
    }

    /// The kinds `--show` names.
    private var insides: [InsideVector] {
        get throws {
            guard let show else { return [] }
            return try show.split(separator: ",").map { name in
                let name = name.trimmingCharacters(in: .whitespaces)
                guard let kind = InsideVector(rawValue: name) else {
                    throw ValidationError("--show '\(name)' is unknown; use any of \(InsideVector.allCases.map(\.rawValue).joined(separator: ", ")), comma-separated")
                }
                return kind
            }
        }
    }

    /// The arrows go on one still map.
    private func validateShowFlags() throws {
        guard show != nil else {
            if showEvery != nil { throw ValidationError("--show-every applies to --show; add --show step,momentum,gradient, or drop --show-every") }
            return
        }
        _ = try insides
        if let showEvery, showEvery < 1 { throw ValidationError("--show-every must be at least 1 (got \(showEvery))") }
        if view == .threeD { throw ValidationError("--show draws arrows on the contour map; use --view map or --view both") }
        if layout == .grid || animate { throw ValidationError("--show draws arrows on one still map; drop --layout grid and --animate") }
    }

    /// The map's style: the style flags with the layout, colouring, view, camera and arrows.
    private func mapStyle() throws -> MapStyle {
        var mapStyle = style.style(layout: layout == .overlay ? .overlay : .grid, colorBy: colorBy)
        mapStyle.view = view == .map ? .map : view == .both ? .both : .surface
        mapStyle.azimuth = azimuth
        mapStyle.elevation = elevation
        mapStyle.show = try insides
        mapStyle.showEvery = showEvery
        return mapStyle
    }

    func run() throws {
        let request = MapRequest(
            function: function.request, optimizers: optimizer, trajectories: trajectory, run: runOptions.settings(noise: noise),
            style: try mapStyle())
        let prepared = try checked { try request.prepared(limits: .commandLine) }
        let name = OutputName.forRun(
            function: prepared.function, optimizers: prepared.specs, others: trajectory + prepared.settings.noiseNameParts,
            configuration: prepared.noisyConfiguration())
        let file = try OutputFile(path: output ?? "output/\(name).\(animate ? "gif" : "png")", content: .binary)
        if animate {
            let animation = try handOver { try request.frames(prepared, count: frames ?? 60, rotating: rotate, limits: .commandLine) }
            try file.commit(try FigureRenderer.gif(animation, delay: max(1, (frameDelay ?? 80) / 10)))
        } else {
            let figure = try handOver { try request.figure(prepared, limits: .commandLine) }
            try file.commit(try FigureRenderer.png(figure, compression: compression))
        }
    }
}

extension PathColoring: ExpressibleByArgument {}
