import ArgumentParser

/// The root command: `trajviz <subcommand>`.
public struct TrajVizCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trajviz",
        abstract: "Shows how optimizers move: trajectories, contour maps and DiffGrad diagnostics.",
        subcommands: [TrajectoryCommand.self, RenderCommand.self, DiagnoseCommand.self, CurvesCommand.self, GalleryCommand.self, ListCommand.self, CheckCommand.self]
    )

    public init() {}
}
