import Foundation
import Testing
@testable import Trajectories

@Suite struct TrajectoryCodingTests {
    @Test func decodesADivergedReferenceRun() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/reference/05-radam", withExtension: "json"))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let run = try decoder.decode(Trajectory.self, from: Data(contentsOf: url))
        #expect(run.divergedAtStep == 6)
        #expect(run.points.count == 6)
        #expect(run.losses.last == .some(nil))
    }
}
