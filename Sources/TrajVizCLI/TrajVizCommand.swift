import Foundation
import ArgumentParser
import _AtomicWrite

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
    /// with one line; an output that would destroy an input exits 2 with one line; help and `ExitCode`s exit as ArgumentParser decides.
    public static func runAsMain() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let refusal as AtomicWriteError where refusal.refused {
            FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
