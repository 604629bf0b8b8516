import Foundation

/// Why a file could not be written; `description` is a one-line message for the user.
public struct AtomicWriteError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String {
        "cannot write \(path): \(reason) (check that the folder is writable and the disk has space)"
    }
}

/// Writes `data` to `url` so that readers see either the old file or the whole new one.
///
/// Missing folders are created. The bytes go to a temporary file in the destination folder, are
/// flushed to disk, and the file is renamed over the destination; on any failure the temporary
/// file is removed and the destination is left as it was.
public func writeAtomically(_ data: Data, to url: URL) throws(AtomicWriteError) {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
        throw AtomicWriteError(path: url.path, reason: "cannot create folder \(folder.path)")
    }
    let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
        throw AtomicWriteError(path: url.path, reason: String(cString: strerror(errno)))
    }
    var failure: String?
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += written
        }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    if failure == nil, rename(temporary.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
        unlink(temporary.path)
        throw AtomicWriteError(path: url.path, reason: failure)
    }
}
