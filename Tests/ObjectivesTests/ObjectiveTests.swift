import Testing
@testable import Objectives

/// f(x, y) = x·y, written by hand, to pin the protocol's contract.
private struct Product: Objective {
    var dimension: Int { 2 }
    func value(at point: [Double]) -> Double { point[0] * point[1] }
    func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        gradient[0] = point[1]
        gradient[1] = point[0]
        return value(at: point)
    }
}

@Suite struct ObjectiveTests {
    @Test func gradientIsWrittenIntoTheCallersBuffer() {
        var gradient = [0.0, 0.0]
        let value = Product().valueAndGradient(at: [2, 3], into: &gradient)
        #expect(value == 6)
        #expect(gradient == [3, 2])
    }
}
