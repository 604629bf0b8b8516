import ArgumentParser
import Foundation
import GDRenderer
import Optimizers
import Scenes
import Trajectories

/// `trajviz curves`: loss and distance to the minimum against the step, for several optimizers.
struct CurvesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves",
        abstract: "Chart loss and distance to the nearest minimum against the step (log y) for several optimizers.",
        discussion: """
            Example: trajviz curves --function rosenbrock-n --dim 10 --optimizer "adam(lr=0.01)" --optimizer "diffgrad(lr=0.01)" --steps 2000
            """
    )

    @OptionGroup var function: FunctionOptions
    @Option(help: "An optimizer spec (repeatable, up to 12).") var optimizer: [String]
    @OptionGroup var runOptions: RunOptions
    @Option(help: "Image size in pixels, WxH.", transform: parseSize) var size: ImageSize = ImageSize(width: 1400, height: 560)
    @Option(help: "The PNG to write (default: output/curves-<function>.png).") var output: String?

    func validate() throws {
        guard !optimizer.isEmpty else { throw ValidationError("give at least one --optimizer SPEC") }
    }

    func run() throws {
        let definition = try function.resolve()
        let configuration = try runOptions.configuration(for: definition)
        var runs: [(label: String, run: Trajectory)] = []
        for text in optimizer {
            let spec = try optimizerSpec(text)
            let run = try TrajectoryRunner.trajectory(
                of: definition.objective, function: function.function, optimizer: spec, configuration: configuration)
            if let step = run.divergedAtStep { warnDiverged(spec, at: step, on: definition.name, "its curves stop there") }
            runs.append((PlottedPath.label(for: spec) + (run.divergedAtStep.map { "  diverged at step \($0)" } ?? ""), run))
        }
        let figure = try CurvesScene(function: definition, runs: runs).figure(width: size.width, height: size.height)
        let url = URL(fileURLWithPath: output ?? "output/curves-\(OutputName.make([definition.name])).png")
        try FigureRenderer.writePNG(figure, to: url)
        print(url.path)
    }
}
