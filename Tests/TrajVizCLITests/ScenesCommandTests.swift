import ArgumentParser
import Foundation
import Testing

@testable import TrajVizCLI

/// `trajviz scenes`: renders a scene file's images next to it and checks them; scene files
/// cannot run scene files.
struct ScenesCommandTests {
    private func sceneFile(_ scenes: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("scenes.json")
        try Data(#"{"scenes": [\#(scenes)]}"#.utf8).write(to: file)
        return file
    }

    @Test func rendersThenChecksAndFindsAChangedImage() throws {
        let file = try sceneFile(
            #"{"image": "bowl.png", "arguments": ["render", "--function", "x^2 + 3*y^2", "--optimizer", "adam(lr=0.1)", "--steps", "20", "--size", "420x360"]}"#)
        var render = try TrajVizCommand.parseAsRoot(["scenes", file.path])
        try render.run()
        let image = file.deletingLastPathComponent().appendingPathComponent("bowl.png")
        #expect(FileManager.default.fileExists(atPath: image.path))
        var check = try TrajVizCommand.parseAsRoot(["scenes", file.path, "--check"])
        try check.run()
        var other = try TrajVizCommand.parseAsRoot([
            "render", "--function", "x^2 + 3*y^2", "--optimizer", "sgd(lr=0.01)", "--steps", "20", "--size", "420x360", "--output", image.path,
        ])
        try other.run()
        #expect(throws: ExitCode(1)) { try check.run() }
    }

    @Test(arguments: [#"["scenes", "other.json"]"#, #"["gallery", "--scenes", "other.json"]"#])
    func aSceneMayNotRenderSceneFiles(arguments: String) throws {
        let file = try sceneFile(#"{"image": "loop.png", "arguments": \#(arguments)}"#)
        var command = try TrajVizCommand.parseAsRoot(["scenes", file.path])
        let error = #expect(throws: UsageError.self) { try command.run() }
        #expect(error?.description.contains("scene 1 ('loop.png') runs `scenes` (or `gallery --scenes`); a scene may not render scene files") == true)
    }

    @Test func aReportNeedsCheck() {
        #expect(throws: (any Error).self) { try TrajVizCommand.parseAsRoot(["scenes", "scenes.json", "--report", "out"]) }
    }
}
