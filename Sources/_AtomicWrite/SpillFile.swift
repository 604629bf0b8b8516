import Foundation

/// Scratch space on disk for output that has to wait for its turn: a temporary file that is
/// unlinked as soon as it is opened (so nothing is left behind, even after a crash), appended
/// to with buffering and copied into an `OutputFile` at the end.
public final class SpillFile {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var size = 0

    public init() throws(AtomicWriteError) {
        var template = Array((NSTemporaryDirectory() as NSString).appendingPathComponent("trajviz-spill-XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw AtomicWriteError(path: NSTemporaryDirectory(), reason: "cannot create a scratch file (\(String(cString: strerror(errno))))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        buffer.reserveCapacity(OutputFile.bufferSize)
    }

    deinit { close(descriptor) }

    /// Appends `bytes`.
    public func write(_ bytes: some Sequence<UInt8>) throws(AtomicWriteError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= OutputFile.bufferSize { try flush() }
    }

    /// Appends the UTF-8 of `text`.
    public func write(_ text: String) throws(AtomicWriteError) {
        try write(text.utf8)
    }

    /// Writes everything appended so far into `output`.
    public func copy(into output: OutputFile) throws(AtomicWriteError) {
        try flush()
        var chunk = [UInt8](repeating: 0, count: OutputFile.bufferSize)
        var offset = 0
        while offset < size {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, off_t(offset)) }
            guard count > 0 else { throw failure() }
            try output.write(chunk[0..<count])
            offset += count
        }
    }

    private func flush() throws(AtomicWriteError) {
        guard writeFully(descriptor, buffer, at: size) else { throw failure() }
        size += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    private func failure() -> AtomicWriteError {
        AtomicWriteError(path: NSTemporaryDirectory(), reason: "scratch file: \(String(cString: strerror(errno)))")
    }
}
