import Foundation

/// An output being written, piece by piece, to an `OutputDestination`: for a file, into a
/// temporary file in the target's folder that `commit()` flushes to disk and renames over the
/// target (readers see the old file or the whole new one); for a device, FIFO or the standard
/// output, straight into it. Until `commit()` nothing replaces the target, and an output that
/// is dropped without `commit()` removes its temporary file.
///
/// Writes are buffered (`bufferSize` bytes); a failed write throws at once, so a long run stops
/// at the first error instead of computing what cannot be written.
public final class OutputFile {
    /// The path as the user gave it, for messages and for saying what was written.
    public let path: String
    public let destination: OutputDestination
    private let descriptor: Int32
    /// The temporary file that becomes the target, for `.file` destinations.
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var finished = false
    /// Whether the output lands where the standard output goes (`-`, `/dev/stdout`, or the file
    /// stdout is redirected to): then nothing else should be printed there.
    public private(set) var sharesStandardOutput = false

    static let bufferSize = 1 << 16

    /// Opens `path` for writing (see `OutputDestination`), creating missing folders for files.
    public convenience init(path: String, content: OutputContent) throws(AtomicWriteError) {
        try self.init(path: path, destination: OutputDestination(path: path, content: content))
    }

    public init(path: String, destination: OutputDestination) throws(AtomicWriteError) {
        self.path = path
        self.destination = destination
        switch destination {
        case .standardOutput:
            fflush(nil)  // what print() buffered goes first
            descriptor = STDOUT_FILENO
            temporary = nil
        case .special(let device):
            descriptor = open(device, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw AtomicWriteError(path: path, reason: String(cString: strerror(errno))) }
            temporary = nil
        case .file(let target):
            let url = URL(fileURLWithPath: target)
            let folder = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw AtomicWriteError(path: path, reason: "cannot create folder \(folder.path)")
            }
            let name = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString.prefix(8)).tmp").path
            descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw AtomicWriteError(path: path, reason: String(cString: strerror(errno))) }
            temporary = name
            Self.copyOwnershipAndMode(of: target, to: descriptor)
        }
        buffer.reserveCapacity(Self.bufferSize)
        sharesStandardOutput = isStandardOutput()
    }

    private func isStandardOutput() -> Bool {
        var output = stat(), mine = stat()
        guard fstat(STDOUT_FILENO, &output) == 0 else { return false }
        switch destination {
        case .standardOutput: return true
        case .special: guard fstat(descriptor, &mine) == 0 else { return false }
        case .file(let target): guard stat(target, &mine) == 0 else { return false }
        }
        return output.st_dev == mine.st_dev && output.st_ino == mine.st_ino
    }

    deinit {
        if !finished { abandon() }
    }

    /// Appends `bytes`.
    public func write(_ bytes: some Sequence<UInt8>) throws(AtomicWriteError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) throws(AtomicWriteError) {
        try write(text.utf8)
    }

    /// Writes what is buffered, flushes a file to disk and renames it over its target; closes
    /// what it opened. After a failure the target is as it was.
    public func commit() throws(AtomicWriteError) {
        precondition(!finished, "OutputFile.commit() called twice")
        var error: AtomicWriteError?
        do throws(AtomicWriteError) {
            try flush()
        } catch let failed {
            error = failed
        }
        switch destination {
        case .standardOutput:
            finished = true
        case .special:
            finished = true
            if close(descriptor) != 0, error == nil { error = failure() }
        case .file(let target):
            if error == nil, fsync(descriptor) != 0 { error = failure() }
            if close(descriptor) != 0, error == nil { error = failure() }
            if error == nil, rename(temporary!, target) != 0 { error = failure() }
            finished = true
            if error != nil { unlink(temporary!) }
        }
        if let error { throw error }
    }

    private func flush() throws(AtomicWriteError) {
        guard writeFully(descriptor, buffer) else { throw failure() }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Closes what was opened and removes the temporary file: the target stays as it was.
    private func abandon() {
        finished = true
        if descriptor != STDOUT_FILENO { close(descriptor) }
        if let temporary { unlink(temporary) }
    }

    private func failure() -> AtomicWriteError {
        AtomicWriteError(path: path, reason: String(cString: strerror(errno)))
    }

    /// An existing target's permission bits (and, where allowed, owner) carry over to its
    /// replacement; a new file gets 0666 less the umask, as the shell gives it.
    private static func copyOwnershipAndMode(of target: String, to descriptor: Int32) {
        var status = stat()
        guard stat(target, &status) == 0 else { return }
        _ = fchown(descriptor, status.st_uid, status.st_gid)
        _ = fchmod(descriptor, status.st_mode & 0o7777)
    }
}
