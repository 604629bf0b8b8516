import Testing
@testable import Tuning

@Suite struct LearningRateBoundsTests {
    @Test func keepsTheLogInterval() {
        let bounds = LearningRateBounds(logLower: -8, logUpper: 0.5)
        #expect(bounds.logUpper - bounds.logLower == 8.5)
    }
}
