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

    /// Every `*.png` under `folder` (any depth), by path relative to it. Symlinks are followed: a
    /// link to a PNG is a PNG, a link to a folder is a folder (each folder is listed once, so link
    /// loops end). A dangling link named `*.png` is listed, so that reading it reports the broken
    /// link. Hidden entries, report folders (`ReportFolderMarker`) and the folders in `excluded`
    /// are skipped. A folder that does not exist yet gives an empty set, so that baselines can be
    /// recorded into it.
    public static func folder(_ folder: URL, excluding excluded: [URL] = []) throws(ImageDiffError) -> ImageSet {
        let folder = folder.standardizedFileURL
        guard FileManager.default.fileExists(atPath: folder.path) else { return ImageSet(storage: .folder(folder), paths: []) }
        var listing = FolderListing(skipped: Set(excluded.compactMap { FileIdentity(path: $0.path) }))
        try listing.walk(folder, relative: "")
        return ImageSet(storage: .folder(folder), paths: listing.paths.sorted())
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
    /// name), or two folders. Either may not exist yet, but not both. Folders in `excluded` (where
    /// reports go) are left out of both listings, and a folder nested in the other is left out of it.
    public static func pair(
        baseline: URL, actual: URL, excluding excluded: [URL] = []
    ) throws(ImageDiffError) -> (baseline: ImageSet, actual: ImageSet) {
        let baselineKind = kind(of: baseline)
        let actualKind = kind(of: actual)
        switch (baselineKind, actualKind) {
        case (nil, nil):
            throw .unreadable(path: actual.path, reason: "no such file or folder (nor is there a baseline at \(baseline.path))")
        case (true?, true?), (true?, nil), (nil, true?):
            return (try folder(baseline, excluding: excluded + [actual]), try folder(actual, excluding: excluded + [baseline]))
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

/// The device and inode of a file, after following symlinks: the same folder reached two ways
/// has one identity.
private struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
    let isFolder: Bool

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isFolder = info.st_mode & S_IFMT == S_IFDIR
    }
}

/// The recursive listing behind `ImageSet.folder`.
private struct FolderListing {
    var skipped: Set<FileIdentity>
    var paths: [String] = []

    mutating func walk(_ folder: URL, relative: String) throws(ImageDiffError) {
        guard let identity = FileIdentity(path: folder.path), skipped.insert(identity).inserted,
            !ReportFolderMarker.isMarked(folder)
        else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw .unreadable(path: folder.path, reason: "cannot list the folder (\(readFailureReason(folder)))")
        }
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let path = relative.isEmpty ? name : relative + "/" + name
            if FileIdentity(path: url.path)?.isFolder == true {
                try walk(url, relative: path)
            } else if name.lowercased().hasSuffix(".png") {
                paths.append(path)
            }
        }
    }
}
