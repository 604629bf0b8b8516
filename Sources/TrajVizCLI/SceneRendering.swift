import ArgumentParser
import Foundation
import ImageDiff
import Scenes
import _AtomicWrite

/// Renders the scenes of a scene file by running their trajviz command lines.
enum SceneRendering {
    /// Renders every scene into `folder` (image paths relative to it) and returns the PNG bytes by image path.
    static func render(_ list: SceneList, into folder: URL) throws -> [String: Data] {
        var images: [String: Data] = [:]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-scenes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for (index, scene) in list.scenes.enumerated() {
            let produced: URL
            var arguments = scene.arguments
            if let file = scene.produces {
                let out = scratch.appendingPathComponent("\(index)")
                arguments += ["--output", out.path]
                produced = out.appendingPathComponent(file)
            } else {
                produced = scratch.appendingPathComponent("\(index).png")
                arguments += ["--output", produced.path]
            }
            var command = try TrajVizCommand.parseAsRoot(arguments)
            try withStandardOutputSilenced { try command.run() }
            let data = try Data(contentsOf: produced)
            images[scene.image] = data
            try writeAtomically(data, to: folder.appendingPathComponent(scene.image))
        }
        return images
    }

    /// Runs `body` with stdout sent to /dev/null, so that the commands' own "wrote ..." lines stay quiet.
    private static func withStandardOutputSilenced(_ body: () throws -> Void) rethrows {
        fflush(nil)
        let saved = dup(STDOUT_FILENO)
        let null = open("/dev/null", O_WRONLY)
        dup2(null, STDOUT_FILENO)
        close(null)
        defer {
            fflush(nil)
            dup2(saved, STDOUT_FILENO)
            close(saved)
        }
        try body()
    }
}
