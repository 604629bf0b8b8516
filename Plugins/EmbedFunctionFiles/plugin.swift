import Foundation
import PackagePlugin

/// Embeds the package's `Functions/*.toml` in the target as Swift string literals
/// (`EmbeddedFunctionFiles.files`), so that the built-in catalog travels inside the binary.
/// The files are the command's inputs: editing one rebuilds the target, and the plugin runs
/// at every build, so adding or removing one does too.
@main
struct EmbedFunctionFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Functions")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFunctionFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) function files",
                executable: try context.tool(named: "EmbedFunctionFilesTool").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files + [folder],
                outputFiles: [output])
        ]
    }
}
