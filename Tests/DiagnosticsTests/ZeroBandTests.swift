import Foundation
import Plotting
import Testing
@testable import Diagnostics

@Suite struct ZeroBandTests {
    /// Magnitudes spanning from a fraction of a decade to hundreds, at many offsets.
    static let valueSets: [[Double]] = {
        var sets: [[Double]] = [[], [0, 0], [3], [1], [1e-300, 1e300], [0, 1e-20, 2e-20], [5e-7, 3e-6, 0, 1e3]]
        for low in stride(from: -15.0, through: 15, by: 1.7) {
            for span in [0.01, 0.4, 1, 1.99, 2, 3.3, 12] {
                sets.append([0, pow(10, low), pow(10, low + span / 2), pow(10, low + span)])
            }
        }
        return sets
    }()

    @Test(arguments: valueSets)
    func theBandLiesBelowEveryTickAndEveryPositiveValue(values: [Double]) {
        let band = ZeroBand(fitting: values)
        let ticks = Ticks.forScale(.log, lower: band.range.lowerBound, upper: band.range.upperBound)
        #expect(!ticks.isEmpty)
        for tick in ticks { #expect(tick.value >= band.lowestTick * (1 - 1e-9), "tick \(tick.label) below 10ᵏ") }
        #expect(band.range.contains(band.level))
        #expect(band.level < band.lowestTick / 2, "the band is visibly apart from the lowest tick")
        for value in values where value > 0 {
            #expect(band.range.contains(value))
            #expect(value >= band.lowestTick)
        }
    }

    @Test func zerosGoOnTheBandAndIsolatedPointsGetAMarker() {
        let band = ZeroBand(fitting: [4, 0, 0, 2, 3, 0, 5])
        let line = band.line([4, 0, 0, 2, 3, 0, 5])
        #expect(line[0] == 4 && line[1].isNaN && line[3] == 2)
        let markers = band.markers([4, 0, 0, 2, 3, 0, 5])
        #expect(markers[0] == 4, "alone between the start and a zero")
        #expect(markers[1] == band.level && markers[2] == band.level && markers[5] == band.level)
        #expect(markers[3].isNaN && markers[4].isNaN, "drawn as a line")
        #expect(markers[6] == 5)
    }
}
