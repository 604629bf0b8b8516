import Dispatch
import Foundation
import UseCases

/// Runs rendering work, which is CPU-bound and synchronous, on its own threads, at most
/// `width` at a time, so that the server's event loops and the cooperative pool stay free for
/// the page and for requests that are waiting. A request waits its turn in order of arrival;
/// when `queueLimit` are already waiting, or it has waited `maximumWait`, it is refused as busy
/// (503) rather than piling up. Each request's own work is bounded by `RequestLimits.server`
/// (steps, optimizers, pixels), so no request holds a slot for long.
actor RenderGate {
    let width: Int
    let queueLimit: Int
    let maximumWait: Duration
    private var running = 0
    private var waiting: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0
    private let queue = DispatchQueue(label: "trajviz.render", attributes: .concurrent)

    /// At most `width` renders at once (default: the number of cores).
    init(width: Int = ProcessInfo.processInfo.activeProcessorCount, queueLimit: Int = 64, maximumWait: Duration = .seconds(10)) {
        self.width = max(1, width)
        self.queueLimit = queueLimit
        self.maximumWait = maximumWait
    }

    /// How many requests are waiting for a slot.
    var queued: Int { waiting.count }

    /// The server is busy: too many requests are waiting, or this one waited too long.
    struct Busy: Error {}

    /// Runs `work` when a slot is free; throws `Busy` when none frees in time.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await enter()
        defer { leave() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func enter() async throws {
        if running < width {
            running += 1
            return
        }
        guard waiting.count < queueLimit else { throw Busy() }
        let id = nextID
        nextID += 1
        let timeout = Task { [maximumWait] in
            try await Task.sleep(for: maximumWait)
            self.expire(id)
        }
        let admitted = await withCheckedContinuation { waiting.append((id, $0)) }
        timeout.cancel()
        guard admitted else { throw Busy() }
    }

    /// Hands the slot to the next waiting request, or frees it.
    private func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().continuation.resume(returning: true)
        }
    }

    private func expire(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }
}
