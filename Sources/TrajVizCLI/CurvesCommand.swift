import ArgumentParser
import Foundation
import GDRenderer
import Optimizers
import Scenes
import Trajectories
import UseCases
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
    @Option(help: "Image size in pixels, WxH (default 1400x560).", transform: parseSize) var size: ImageSize?
    @Option(help: "The PNG to write (default: output/curves-<function>-<optimizers>[-<hash>].png; - for stdout when it is not a terminal).") var output: String?

    func run() throws {
        let request = CurvesRequest(function: function.request, optimizers: optimizer, trajectories: trajectory, run: runOptions.settings(noise: noise), size: size)
        let prepared = try checked { try request.prepared(limits: .commandLine) }
        let name = OutputName.forRun(
            function: prepared.function, optimizers: prepared.specs, others: prepared.settings.noiseNameParts,
            configuration: prepared.noisyConfiguration())
        let file = try OutputFile(path: output ?? "output/curves-\(name).png", content: .binary)
        try file.commit(try FigureRenderer.png(try handOver { try request.figure(prepared) }))
    }
}
