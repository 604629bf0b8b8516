import Foundation
import _AtomicWrite

/// The images the README shows, each with the trajviz command line that makes it: the file
/// `trajviz gallery --scenes FILE` renders and, with `--check`, compares with what is committed.
///
///     {"scenes": [{"image": "rosenbrock.png", "arguments": ["render", "--function", "rosenbrock", ...]},
///                 {"image": "aliasing.png", "arguments": ["diagnose", ...], "produces": "comparison.png"}]}
///
/// `--output` is added to every command: the image path itself, or, when `produces` is set (for
/// commands that write a folder), a folder from which that file is taken. Images are relative to
/// the scene file's folder.
public struct SceneList: Codable, Sendable {
    public struct Scene: Codable, Sendable {
        public var image: String
        public var arguments: [String]
        public var produces: String?

        /// Whether the command is `gallery --scenes`: scene files are rendered from the top
        /// only, so no scene file can run itself or another one.
        var rendersSceneFiles: Bool {
            arguments.first == "gallery" && arguments.contains { $0 == "--scenes" || $0.hasPrefix("--scenes=") }
        }
    }

    public var scenes: [Scene]

    public static func load(_ path: String) throws(SceneError) -> SceneList {
        RunInputs.note(path, as: "the scene file")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SceneError("cannot read scene file \(path): check the path")
        }
        do {
            let list = try JSONDecoder().decode(SceneList.self, from: data)
            for scene in list.scenes where scene.image.isEmpty || scene.image.hasPrefix("/") || scene.image.contains("..") {
                throw SceneError("\(path): image '\(scene.image)' must be a relative path inside the scene file's folder")
            }
            for (index, scene) in list.scenes.enumerated() where scene.rendersSceneFiles {
                throw SceneError(
                    "\(path): scene \(index + 1) ('\(scene.image)') runs `gallery --scenes`; a scene may not render scene files "
                        + "(it could run itself forever): make the image with render, curves, diagnose or gallery")
            }
            return list
        } catch let error as SceneError {
            throw error
        } catch {
            throw SceneError("\(path) is not a scene file (\(error)); see `trajviz gallery --help`")
        }
    }
}
