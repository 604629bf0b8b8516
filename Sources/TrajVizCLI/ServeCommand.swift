import ArgumentParser
import Dispatch
import Foundation
import TrajVizServer

/// `trajviz serve`: the explorer in the browser, over the same requests as the other commands.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the interactive explorer: pick a function and optimizers, move the sliders, click the map to start there.",
        discussion: """
            Example: trajviz serve --port 8080, then open http://127.0.0.1:8080/
            Endpoints take the other commands' flag names as query parameters (optimizer repeatable): / (the page), \
            /map.png, /curves.png, /trajectory.json, and for a DiffGrad-family optimizer /overlap.png, /friction.png, /verdict.json. \
            No parameter names a file; a bad request is answered 400 with the one-line message the command line prints.
            """
    )

    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "The port to listen on (1...65535).") var port: Int = 8080

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be from 1 to 65535 (got \(port))") }
    }

    func run() throws {
        let server = ExplorerServer(host: host, port: port)
        FileHandle.standardOutput.write(Data("serving the explorer on http://\(host):\(port)/ (Ctrl-C stops)\n".utf8))
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do { try await server.run() } catch { outcome.error = error }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }
}

/// The server's error, handed from its task to the waiting command.
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
