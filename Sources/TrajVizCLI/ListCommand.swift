import ArgumentParser
import Objectives
import Optimizers
import Scenes

/// `trajviz list`: the functions and the optimizers, with their defaults and references.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the catalog functions (name, title, minima, domain) and the optimizers (reference package, class and version, step kind, options with defaults and ranges)."
    )

    @Option(name: .customLong("functions-dir"), help: "Also list the definition files in this folder (repeatable).")
    var functionFolders: [String] = []

    func run() throws {
        print(try CatalogListing.text(functionFolders: functionFolders))
    }
}
