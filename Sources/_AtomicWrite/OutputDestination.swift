import Foundation

/// What an output holds: text (JSON, CSV) may go to a terminal, binary (PNG, GIF) may not.
public enum OutputContent: Sendable {
    case text, binary
}

/// Where an output path leads, decided before anything is written:
///
/// - `-` is the standard output;
/// - a regular file, or a name that does not exist yet, is replaced atomically: the bytes go to
///   a temporary file beside it that is renamed over it;
/// - a symbolic link is followed to its final target, which is replaced atomically in its own
///   folder; the link stays a link. A dangling link creates the file it names, as the shell's
///   `>` does;
/// - a device, FIFO or socket is opened and written in place, never replaced;
/// - a directory, or a file that is one of the run's inputs (`RunInputs`, compared by device
///   and inode), is refused: an `AtomicWriteError` that is `refused`.
public enum OutputDestination: Sendable, Equatable {
    /// The process's standard output (`-`).
    case standardOutput
    /// A regular file, existing or not, replaced by rename; `target` has every symlink followed.
    case file(target: String)
    /// A device, FIFO or socket, written in place.
    case special(path: String)

    /// The most symbolic links followed before a path counts as a loop (Linux's own limit).
    static let maximumLinks = 40

    /// Where `path` leads. `-` is the standard output; for `.binary` content (PNG, GIF) it is
    /// refused while the standard output is a terminal.
    public init(path: String, content: OutputContent) throws(AtomicWriteError) {
        if path == "-" {
            if content == .binary && isatty(STDOUT_FILENO) != 0 {
                throw AtomicWriteError(
                    path: path, reason: "image bytes are not printed on a terminal; redirect the standard output (> map.png, | viewer) or give a file path",
                    refused: true)
            }
            self = .standardOutput
            return
        }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            // Missing (a new file), or a folder on the way that cannot exist: writing says which.
            self = .file(target: path)
            return
        }
        var status = stat()
        if (link.st_mode & S_IFMT) == S_IFLNK {
            guard stat(path, &status) == 0 else {
                guard errno == ENOENT else {
                    throw AtomicWriteError(path: path, reason: "cannot follow its symbolic link (\(String(cString: strerror(errno))))")
                }
                self = .file(target: try Self.danglingTarget(of: path))
                return
            }
        } else {
            status = link
        }
        if let input = RunInputs.input(matching: status) {
            let spelling = input.path == path ? "" : " (\(input.path))"
            throw AtomicWriteError(path: path, reason: "it is \(input.role)\(spelling), which this run reads; give another output path", refused: true)
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard (link.st_mode & S_IFMT) == S_IFLNK else {
                self = .file(target: path)
                return
            }
            guard let resolved = realpath(path, nil) else {
                throw AtomicWriteError(path: path, reason: "cannot follow its symbolic link (\(String(cString: strerror(errno))))")
            }
            defer { free(resolved) }
            self = .file(target: String(cString: resolved))
        case S_IFDIR:
            throw AtomicWriteError(
                path: path, reason: "it is a directory; give a file path inside it, e.g. \((path as NSString).appendingPathComponent("out"))", refused: true)
        default:
            self = .special(path: path)
        }
    }

    /// The missing file at the end of a chain of symbolic links that starts at `path`.
    static func danglingTarget(of path: String) throws(AtomicWriteError) -> String {
        var current = path
        for _ in 0...maximumLinks {
            var status = stat()
            guard lstat(current, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length >= 0 else { throw AtomicWriteError(path: path, reason: String(cString: strerror(errno))) }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/")
                ? destination : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        }
        throw AtomicWriteError(path: path, reason: "more than \(maximumLinks) symbolic links in a row (a loop?)")
    }
}
