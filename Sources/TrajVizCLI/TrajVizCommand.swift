import Foundation
import ArgumentParser
import Scenes
import _AtomicWrite

/// The root command: `trajviz <subcommand>`.
public struct TrajVizCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "trajviz",
        abstract: "Shows how optimizers move: trajectories, contour maps and DiffGrad diagnostics.",
        version: TrajVizVersion.current,
        subcommands: [TrajectoryCommand.self, RenderCommand.self, DiagnoseCommand.self, CurvesCommand.self, GalleryCommand.self, ListCommand.self, CheckCommand.self]
    )

    public init() {}
}

extension TrajVizCommand {
    /// Parses the arguments and runs the subcommand. Every failure is one line that starts
    /// `error: `. Usage mistakes exit with status 2: unknown flags and bad values, `UsageError`s
    /// (functions, specs and files that cannot be had) and an output that would destroy an
    /// input; failures of the work itself exit 1; help, `--version` and `ExitCode`s exit as
    /// ArgumentParser decides.
    public static func runAsMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        do {
            try checkHelpTopics(arguments)
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let refusal as AtomicWriteError where refusal.refused {
            FileHandle.standardError.write(Data("error: \(refusal)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            var message = message(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
            Foundation.exit(code == .validationFailure || error is UsageError ? 2 : 1)
        }
    }

    /// `trajviz help NAME ...` must name subcommands: ArgumentParser's help would show the root's
    /// help for an unknown one and exit 0.
    static func checkHelpTopics(_ arguments: [String]) throws {
        guard arguments.first == "help" else { return }
        var subcommands = configuration.subcommands
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            guard let next = subcommands.first(where: { $0.configuration.commandName == name }) else {
                let names = subcommands.compactMap { $0.configuration.commandName }
                throw UsageError(description: "no help topic '\(name)': the subcommands are \(names.joined(separator: ", "))")
            }
            subcommands = next.configuration.subcommands
        }
    }
}
