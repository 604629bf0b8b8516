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
            Examples:
              trajviz curves --function rosenbrock-n --dim 10 --optimizer "adam(lr=0.01)" --optimizer "diffgrad(lr=0.01)" --steps 2000
              trajviz curves --function rosenbrock --optimizer "adam(lr=0.01)" --trajectory recorded.json
              trajviz curves --function rosenbrock --optimizer "adam(lr=0.05)" --gradient-noise 2 --runs 16
            """
    )

    @OptionGroup var function: FunctionOptions
    @Option(help: "An optimizer spec (repeatable, up to 12).") var optimizer: [String] = []
    @Option(help: "A run computed elsewhere: trajectory JSON (ours or `python -m trajviz_torch record`'s) or CSV (repeatable; labelled from the file).")
    var trajectory: [String] = []
    @OptionGroup var runOptions: RunOptions
    @OptionGroup var noise: NoiseOptions
    @Option(help: "Image size in pixels, WxH.", transform: parseSize) var size: ImageSize = ImageSize(width: 1400, height: 560)
    @Option(help: "The PNG to write (default: output/curves-<function>.png).") var output: String?

    func validate() throws {
        guard !optimizer.isEmpty || !trajectory.isEmpty else {
            throw ValidationError("give at least one --optimizer SPEC or --trajectory FILE to chart")
        }
    }

    func run() throws {
        let definition = try function.resolve()
        let configuration = try runOptions.configuration(for: definition)
        var runs: [(label: String, run: Trajectory)] = []
        var fans: [RunFan?] = []
        for text in optimizer {
            let spec = try optimizerSpec(text)
            let fan = try noise.fan(of: spec, on: definition, named: function.function, configuration: configuration)
            let run = fan.runs[fan.medianIndex]
            if let step = run.divergedAtStep { warnDiverged(spec, at: step, on: definition.name, "its curves stop there") }
            runs.append((noise.label(for: spec), run))
            fans.append(fan.runs.count > 1 ? fan : nil)
        }
        for file in trajectory {
            var run = try PathFile.run(file, dimension: definition.dimension)
            if let step = run.divergedAtStep { warn("\(file) diverged at step \(step); its curve stops there") }
            if run.losses.allSatisfy({ $0 == nil }) {
                run.losses = run.points.map { point in Optional(definition.objective.value(at: point)).flatMap { $0.isFinite ? $0 : nil } }
            }
            runs.append((run.optimizer, run))
            fans.append(nil)
        }
        let figure = try drawable(size: size) { [try CurvesScene(function: definition, runs: runs, fans: fans).figure(width: size.width, height: size.height)] }[0]
        let url = URL(fileURLWithPath: output ?? "output/curves-\(OutputName.make([definition.name])).png")
        try FigureRenderer.writePNG(figure, to: url)
        print(url.path)
    }
}
