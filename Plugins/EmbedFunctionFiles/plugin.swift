import Foundation
import PackagePlugin

/// Embeds the package's `Functions/*.toml` in the target as Swift string literals
/// (`EmbeddedFunctionFiles.files`), so that the built-in catalog travels inside the binary.
/// The files and the folder are the command's inputs: editing a file reruns it, and so does
/// adding or removing one (the folder changes). The tool lists the folder itself when it runs,
/// because SwiftPM does not re-plan the build, and so would keep a stale list of arguments.
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
                displayName: "Embedding the function files of \(folder.path)",
                executable: try context.tool(named: "EmbedFunctionFilesTool").url,
                arguments: [output.path, folder.path],
                inputFiles: files + [folder],
                outputFiles: [output])
        ]
    }
}
