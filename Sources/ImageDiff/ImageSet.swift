import Foundation

/// One side of a check: PNG images by relative path, from a folder, a single file, or memory.
/// Images are decoded only when compared, so a large folder is never held in memory at once.
public struct ImageSet: Sendable {
    enum Storage: Sendable {
        case folder(URL)
        case file(URL)
        case memory([String: DecodedPNG])
    }

    let storage: Storage
    /// The relative paths of the images present, sorted.
    public let paths: [String]

    /// Every `*.png` file under `folder` (any depth, hidden files skipped), by path relative to it.
    /// A folder that does not exist yet gives an empty set, so that baselines can be recorded into it.
    public static func folder(_ folder: URL) throws(ImageDiffError) -> ImageSet {
        let folder = folder.standardizedFileURL
        guard FileManager.default.fileExists(atPath: folder.path) else { return ImageSet(storage: .folder(folder), paths: []) }
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw .unreadable(path: folder.path, reason: "cannot list the folder") }
        var paths: [String] = []
        let prefix = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "png" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(prefix) else { continue }
            paths.append(String(path.dropFirst(prefix.count)))
        }
        return ImageSet(storage: .folder(folder), paths: paths.sorted())
    }

    /// The single file at `url`, named `path` (empty when the file does not exist yet).
    public static func file(_ url: URL, path: String) -> ImageSet {
        ImageSet(storage: .file(url), paths: FileManager.default.fileExists(atPath: url.path) ? [path] : [])
    }

    /// Images held in memory, for example freshly rendered ones, by relative path.
    public static func images(_ images: [String: DecodedPNG]) -> ImageSet {
        ImageSet(storage: .memory(images), paths: images.keys.sorted())
    }

    /// BASELINE and ACTUAL as given on the command line: two files (named by the baseline's file
    /// name), or two folders. Either may not exist yet, but not both.
    public static func pair(baseline: URL, actual: URL) throws(ImageDiffError) -> (baseline: ImageSet, actual: ImageSet) {
        let baselineKind = kind(of: baseline)
        let actualKind = kind(of: actual)
        switch (baselineKind, actualKind) {
        case (nil, nil):
            throw .unreadable(path: actual.path, reason: "no such file or folder (nor is there a baseline at \(baseline.path))")
        case (true?, true?), (true?, nil), (nil, true?):
            return (try folder(baseline), try folder(actual))
        case (false?, false?), (false?, nil), (nil, false?):
            let name = baseline.lastPathComponent
            return (file(baseline, path: name), file(actual, path: name))
        case (true?, false?), (false?, true?):
            throw .kindMismatch(baseline: baseline.path, actual: actual.path)
        }
    }

    /// true for a folder, false for a file, nil when nothing is there.
    private static func kind(of url: URL) -> Bool? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue
    }

    /// Where the image `path` lives (or would be recorded) on disk; nil for images in memory.
    public func location(of path: String) -> URL? {
        switch storage {
        case let .folder(folder): folder.appendingPathComponent(path)
        case let .file(url): url
        case .memory: nil
        }
    }

    /// The same set limited to `paths` (for example a folder of committed images limited to the
    /// ones a scene file renders), so that other files are neither missing nor extra.
    public func restricted(to paths: some Sequence<String>) -> ImageSet {
        ImageSet(storage: storage, paths: Set(self.paths).intersection(paths).sorted())
    }

    /// The PNG bytes of image `path`, or nil when the set has no such image.
    public func bytes(of path: String) throws(ImageDiffError) -> Data? {
        guard paths.contains(path) else { return nil }
        switch storage {
        case let .memory(images):
            return images[path]?.data
        case .folder, .file:
            guard let url = location(of: path) else { return nil }
            do {
                return try Data(contentsOf: url)
            } catch {
                throw .unreadable(path: url.path, reason: readFailureReason(url))
            }
        }
    }

    /// Image `path` decoded from `data` (images in memory are already decoded).
    func decode(_ data: Data, path: String) throws(ImageDiffError) -> DecodedPNG {
        if case let .memory(images) = storage, let image = images[path] { return image }
        return try DecodedPNG(data: data, source: location(of: path)?.path ?? path)
    }

    /// Reads and decodes the image `path`, or nil when the set has no such image.
    public func load(_ path: String) throws(ImageDiffError) -> DecodedPNG? {
        try bytes(of: path).map { (data: Data) throws(ImageDiffError) in try decode(data, path: path) }
    }
}
