import Foundation

/// Runs `count` independent tasks on `workers` threads, each task once, and returns their
/// results in task order, so that the output does not depend on the number of workers.
///
/// A task that throws stops the queue from handing out more tasks; the first error is rethrown.
/// `shouldStop` is polled between tasks (for SIGINT/SIGTERM): when it turns true, no further
/// task starts and `WorkQueue.Interrupted` is thrown after the running ones finish.
enum WorkQueue {
    struct Interrupted: Error, CustomStringConvertible {
        var description: String { "interrupted" }
    }

    static func map<Result: Sendable>(
        count: Int, workers: Int, shouldStop: @escaping @Sendable () -> Bool = { false },
        onFinish: @escaping @Sendable (Int) -> Void = { _ in }, _ task: @escaping @Sendable (Int) throws -> Result
    ) throws -> [Result] {
        let state = SharedState<Result>(count: count)
        let group = DispatchGroup()
        for _ in 0..<max(1, min(workers, count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                while let index = state.next(stop: shouldStop()) {
                    do {
                        let result = try task(index)
                        state.store(result, at: index)
                        onFinish(index)
                    } catch {
                        state.fail(error)
                    }
                }
            }
        }
        group.wait()
        return try state.results()
    }

    /// The queue's counter, results and first error, behind one lock.
    private final class SharedState<Result>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private var slots: [Result?]
        private var error: (any Error)?
        private var stopped = false

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func next(stop: Bool) -> Int? {
            lock.withLock {
                if stop { stopped = true }
                guard error == nil, !stopped, nextIndex < slots.count else { return nil }
                defer { nextIndex += 1 }
                return nextIndex
            }
        }

        func store(_ result: Result, at index: Int) { lock.withLock { slots[index] = result } }

        func fail(_ failure: any Error) { lock.withLock { if error == nil { error = failure } } }

        func results() throws -> [Result] {
            try lock.withLock {
                if let error { throw error }
                if stopped { throw Interrupted() }
                return slots.map { $0! }
            }
        }
    }
}
