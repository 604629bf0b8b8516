import _AtomicWrite

extension OutputFile {
    /// Says what was written: the path, on stdout, unless the output itself went there.
    func reportWritten() {
        if !sharesStandardOutput { print(path) }
    }
}
