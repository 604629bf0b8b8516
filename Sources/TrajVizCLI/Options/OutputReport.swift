import Foundation
import _AtomicWrite

extension OutputFile {
    /// Writes `data`, commits, and says what was written.
    func commit(_ data: Data) throws {
        try write(data)
        try commit()
        reportWritten()
    }

    /// Says what was written: the path, on stdout, unless the output itself went there.
    func reportWritten() {
        if !sharesStandardOutput { print(path) }
    }
}
