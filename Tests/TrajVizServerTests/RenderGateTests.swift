import Foundation
import Testing

@testable import TrajVizServer

/// Rendering runs at most `width` at a time, and a full queue refuses rather than piles up.
struct RenderGateTests {
    @Test func noMoreThanTheWidthRunAtOnce() async throws {
        let gate = RenderGate(width: 2)
        let running = Concurrency()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await gate.run {
                        running.enter()
                        Thread.sleep(forTimeInterval: 0.02)
                        running.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(running.most <= 2)
    }

    @Test func aFullQueueAndALongWaitAreRefusedAsBusy() async throws {
        let gate = RenderGate(width: 1, queueLimit: 1, maximumWait: .milliseconds(100))
        let release = DispatchSemaphore(value: 0)
        let slow = Concurrency()
        let holder = Task { try await gate.run { slow.enter(); release.wait() } }
        while slow.most == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let waiting = Task { try await gate.run { 1 } }
        while await gate.queued == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let refused = ContinuousClock.now
        await #expect(throws: RenderGate.Busy.self) { try await gate.run { 2 } }  // the queue is full: refused at once,
        #expect(ContinuousClock.now - refused < .milliseconds(90))  // not after waiting its turn
        await #expect(throws: RenderGate.Busy.self) { try await waiting.value }  // it waited past maximumWait
        release.signal()
        try await holder.value
        #expect(try await gate.run { 3 } == 3)
    }
}

/// How many callers are between `enter()` and `leave()`, and the most there ever were.
private final class Concurrency: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private var highest = 0

    func enter() {
        lock.withLock {
            now += 1
            highest = max(highest, now)
        }
    }

    func leave() { lock.withLock { now -= 1 } }

    var most: Int { lock.withLock { highest } }
}
