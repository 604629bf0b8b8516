import Foundation
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

extension TrajVizCommand {
    /// Parses the arguments and runs the subcommand. Usage mistakes (unknown flags, bad values)
    /// exit with status 2 after the error line and the usage; failures of the work itself exit 1
    /// with one line; help and `ExitCode`s exit as ArgumentParser decides.
    public static func runAsMain() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
