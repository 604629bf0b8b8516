import Testing
@testable import Plotting

@Suite struct TicksTests {
    @Test func linearTicksAreNiceAndLabelledWithTheStepsDecimals() {
        let ticks = Ticks.linear(lower: 0, upper: 1, maxCount: 6)
        #expect(ticks.map(\.value) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let symmetric = Ticks.linear(lower: -2, upper: 2, maxCount: 7)
        #expect(symmetric.map(\.label) == ["−2", "−1", "0", "1", "2"])
        #expect(Ticks.linear(lower: 0, upper: 1, maxCount: 3).map(\.label) == ["0.0", "0.5", "1.0"])
        #expect(Ticks.linear(lower: -1, upper: 3, maxCount: 9).map(\.label) == ["−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])
    }

    @Test func ticksStayInsideTheRange() {
        for (lo, hi) in [(-0.37, 12.9), (1e-4, 3e-4), (-1e6, 5e6), (499.5, 500.5)] {
            let ticks = Ticks.linear(lower: lo, upper: hi, maxCount: 7)
            #expect(ticks.count >= 2 && ticks.count <= 7, "\(lo)...\(hi): \(ticks.map(\.label))")
            #expect(ticks.allSatisfy { $0.value >= lo - 1e-12 && $0.value <= hi + 1e-12 })
            #expect(Set(ticks.map(\.label)).count == ticks.count, "labels distinct: \(ticks.map(\.label))")
        }
    }

    @Test func largeNumbersUseScientificLabels() {
        #expect(Ticks.linear(lower: 0, upper: 3e6, maxCount: 4).map(\.label) == ["0", "10⁶", "2×10⁶", "3×10⁶"])
    }

    @Test func logTicksAreDecades() {
        let ticks = Ticks.log(lower: 1e-3, upper: 1e4)
        // Eight decades for at most seven ticks: every second one.
        #expect(ticks.map(\.label) == ["10⁻³", "10⁻¹", "10¹", "10³"])
        #expect(Ticks.log(lower: 1e-2, upper: 1e2, maxCount: 7).map(\.value) == [1e-2, 1e-1, 1, 10, 100])
        // Less than two decades: 1-2-5 ticks.
        #expect(Ticks.log(lower: 1.5, upper: 30).map(\.value) == [2, 5, 10, 20])
    }

    @Test func symlogTicksAreSymmetricPowers() {
        #expect(Ticks.symlog(lower: -100, upper: 100, linearThreshold: 1).map(\.value) == [-100, -10, -1, 0, 1, 10, 100])
        #expect(Ticks.symlog(lower: -100, upper: 100, linearThreshold: 1).map(\.label) == ["−100", "−10", "−1", "0", "1", "10", "100"])
    }

    @Test func compactFormatting() {
        #expect(TickFormat.compact(0.00178) == "0.00178")
        #expect(TickFormat.compact(1.2345e-5) == "1.23×10⁻⁵")
        #expect(TickFormat.compact(-2500) == "−2500")
        #expect(TickFormat.compact(1e6) == "10⁶")
        #expect(TickFormat.plain(-0.0001, decimals: 1) == "0.0")
    }
}
