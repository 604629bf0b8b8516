import Foundation

/// Why a file could not be written; `description` is a one-line message for the user.
public struct AtomicWriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    /// Refused before anything was written, because writing would destroy what the user had
    /// (an input of the run, a directory) or make no sense (image bytes on a terminal): a usage error.
    public let refused: Bool

    public init(path: String, reason: String, refused: Bool = false) {
        self.path = path
        self.reason = reason
        self.refused = refused
    }

    public var description: String {
        refused ? "cannot write \(path): \(reason)" : "cannot write \(path): \(reason) (check that the folder is writable and the disk has space)"
    }
}

/// Writes `data` to `url` as `OutputFile` does: a file is replaced atomically (readers see the
/// old file or the whole new one; a symlink is written through to its target), a device or FIFO
/// is written in place, and an input of the run or a directory is refused (`refused`). Missing folders are
/// created; on any failure the destination is left as it was.
public func writeAtomically(_ data: Data, to url: URL) throws(AtomicWriteError) {
    let file = try OutputFile(path: url.path, content: .binary)
    try file.write(data)
    try file.commit()
}
