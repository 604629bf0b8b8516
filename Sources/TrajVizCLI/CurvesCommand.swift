import ArgumentParser
import Foundation
import GDRenderer
import Optimizers
import Scenes
import Trajectories
import _AtomicWrite

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
    @Option(help: "The PNG to write (default: output/curves-<function>-<optimizers>[-<hash>].png; - for stdout when it is not a terminal).") var output: String?

    func validate() throws {
        guard !optimizer.isEmpty || !trajectory.isEmpty else {
            throw ValidationError("give at least one --optimizer SPEC or --trajectory FILE to chart")
        }
    }

    func run() throws {
        let definition = try function.resolve()
        let configuration = try runOptions.configuration(for: definition)
        let specs = try optimizer.map { try runOptions.checked(optimizerSpec($0), in: configuration) }
        let name = OutputName.forRun(function: definition, optimizers: specs, others: noise.nameParts, configuration: noise.configuration(configuration))
        let file = try OutputFile(path: output ?? "output/curves-\(name).png", content: .binary)
        var runs: [(label: String, run: Trajectory)] = []
        var fans: [RunFan?] = []
        for spec in specs {
            let fan = try noise.fan(of: spec, on: definition, named: function.function, configuration: configuration)
            let run = fan.runs[fan.medianIndex]
            if let step = run.divergedAtStep { warnDiverged(spec, at: step, on: definition.name, "its curves stop there") }
            runs.append((noise.label(for: spec) + (run.divergedAtStep.map { "  diverged at step \($0)" } ?? ""), run))
            fans.append(fan.runs.count > 1 ? fan : nil)
        }
        for path in trajectory {
            var run = try resolvingArguments { try PathFile.run(path, dimension: definition.dimension) }
            if let step = run.divergedAtStep { warn("\(path) diverged at step \(step); its curve stops there") }
            if run.losses.allSatisfy({ $0 == nil }) {  // a CSV of points alone: f at each point
                run.losses = run.points.map { point in
                    let loss = definition.objective.value(at: point)
                    return loss.isFinite ? loss : nil
                }
            }
            runs.append((run.optimizer, run))
            fans.append(nil)
        }
        fans += Array(repeating: nil, count: runs.count - fans.count)
        let figure = try drawable(size: size) { [try CurvesScene(function: definition, runs: runs, fans: fans).figure(width: size.width, height: size.height)] }[0]
        try file.commit(try FigureRenderer.png(figure))
    }
}
