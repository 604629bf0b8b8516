import Foundation
import Synchronization
import Testing

@testable import TrajVizServer

/// Rendering runs at most `width` at a time, and a full queue refuses rather than piles up.
struct RenderGateTests {
    @Test func noMoreThanTheWidthRunAtOnce() async throws {
        let gate = RenderGate(width: 2)
        let running = Mutex((now: 0, most: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await gate.run {
                        running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                        Thread.sleep(forTimeInterval: 0.02)
                        running.withLock { $0.now -= 1 }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(running.withLock { $0.most } == 2)
    }

    @Test func aFullQueueAndALongWaitAreRefusedAsBusy() async throws {
        let gate = RenderGate(width: 1, queueLimit: 1, maximumWait: .milliseconds(100))
        let slow = Task { try await gate.run { Thread.sleep(forTimeInterval: 0.6) } }
        try await Task.sleep(for: .milliseconds(50))
        let waiting = Task { try await gate.run { 1 } }
        try await Task.sleep(for: .milliseconds(20))
        await #expect(throws: RenderGate.Busy.self) { try await gate.run { 2 } }
        await #expect(throws: RenderGate.Busy.self) { try await waiting.value }
        try await slow.value
        #expect(try await gate.run { 3 } == 3)
    }
}
