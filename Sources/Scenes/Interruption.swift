import Foundation

/// Turns SIGINT and SIGTERM into a flag that long jobs poll, so that they stop between tasks,
/// save what is consistent, and exit without partial files.
public enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let flag = InterruptionFlag()

    /// Whether a signal has arrived since `install()`.
    public static var isRequested: Bool { flag.isSet }

    /// Replaces the default handlers of SIGINT and SIGTERM; call once, before the job starts.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { flag.set() }
            source.resume()
            sources.append(source)
        }
    }
}

/// A thread-safe boolean that only goes from false to true.
private final class InterruptionFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
