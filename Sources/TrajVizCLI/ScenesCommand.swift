import ArgumentParser
import Foundation
import ImageDiff
import Scenes

/// `trajviz scenes FILE`: renders the images of a scene file (the README's) next to it, or with
/// `--check` renders them into a scratch folder and compares them with the committed ones.
struct ScenesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenes",
        abstract: "Render the images of a scene file (each a trajviz command line) next to it, or check them against the committed ones.",
        discussion: """
            Example: trajviz scenes output/readme/scenes.json --check --report .build/scene-check
            A scene file lists images with the command lines that make them (see SceneList); \
            `trajviz gallery --scenes FILE` is an alias. With --check the exit status is 1 when an image differs.
            """
    )

    @Argument(help: ArgumentHelp("The scene file, e.g. output/readme/scenes.json.", valueName: "FILE"))
    var file: String
    @Flag(help: "Render into a scratch folder and compare with the committed images (exit 1 on a difference).")
    var check = false
    @Option(help: "With --check: write diff images, report.json and index.html into this folder.")
    var report: String?

    func validate() throws {
        if report != nil && !check { throw ValidationError("--report goes with --check") }
    }

    func run() throws {
        try Self.run(file, check: check, report: report)
    }

    /// Renders the scene file at `path` next to it, or with `check` compares fresh renders with the
    /// committed images (a report into `report` when given).
    static func run(_ path: String, check: Bool, report: String?) throws {
        let list = try resolvingArguments { try SceneList.load(path) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard check else {
            let images = try SceneRendering.render(list, into: folder)
            print("rendered \(images.count) scenes into \(folder.path)")
            return
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-scene-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let images = try SceneRendering.render(list, into: scratch)
        var decoded: [String: DecodedPNG] = [:]
        for (name, data) in images { decoded[name] = try DecodedPNG(data: data, source: name) }
        let committed = try ImageSet.folder(folder).restricted(to: images.keys)
        let result = checkImages(baseline: committed, actual: .images(decoded), criteria: CheckCriteria(maxDiffPercent: 0.01))
        for image in result.images { print("\(image.status.rawValue): \(image.path) (\(image.message))") }
        if let report { _ = try result.writeReport(to: URL(fileURLWithPath: report)) }
        print(result.summary)
        if !result.passed {
            warn("the committed scene images differ from what the code renders; rerun `trajviz scenes \(path)` and commit them")
            throw ExitCode(1)
        }
    }
}
