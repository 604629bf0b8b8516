import Foundation

/// A one-line progress bar on stderr, redrawn in place: `[#####.....]  45/252  searching`.
/// Silent when stderr is not a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let isEnabled: Bool
    private var total = 0
    private var done = 0
    private var phase = ""

    init(enabled: Bool) {
        isEnabled = enabled && isatty(STDERR_FILENO) == 1
    }

    /// Starts a phase of `total` units.
    func begin(_ phase: String, total: Int) {
        lock.withLock {
            self.phase = phase
            self.total = total
            done = 0
            draw()
        }
    }

    /// One more unit done.
    func advance() {
        lock.withLock {
            done += 1
            draw()
        }
    }

    /// Ends the bar's line.
    func finish() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw() {
        guard isEnabled, total > 0 else { return }
        let width = 30
        let filled = width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)  \(phase)\u{1B}[K".utf8))
    }
}
