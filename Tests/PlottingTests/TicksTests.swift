import Foundation
import Testing
@testable import Plotting
import _Random

@Suite struct TicksTests {
    @Test func linearTicksAreNiceAndLabelledWithTheStepsDecimals() {
        let ticks = Ticks.linear(lower: 0, upper: 1, maxCount: 6)
        #expect(ticks.map(\.value) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let symmetric = Ticks.linear(lower: -2, upper: 2, maxCount: 7)
        #expect(symmetric.map(\.label) == ["−2", "−1", "0", "1", "2"])
        #expect(Ticks.linear(lower: 0, upper: 1, maxCount: 3).map(\.label) == ["0.0", "0.5", "1.0"])
        #expect(Ticks.linear(lower: -1, upper: 3, maxCount: 9).map(\.label) == ["−1.0", "−0.5", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])
        #expect(ticks.annotation == nil && symmetric.annotation == nil)
    }

    @Test func ticksStayInsideTheRange() {
        for (lo, hi) in [(-0.37, 12.9), (1e-4, 3e-4), (-1e6, 5e6), (499.5, 500.5)] {
            let ticks = Ticks.linear(lower: lo, upper: hi, maxCount: 7)
            #expect(ticks.count >= 2 && ticks.count <= 7, "\(lo)...\(hi): \(ticks.map(\.label))")
            #expect(ticks.allSatisfy { $0.value >= lo - 1e-12 && $0.value <= hi + 1e-12 })
            #expect(Set(ticks.map(\.label)).count == ticks.count, "labels distinct: \(ticks.map(\.label))")
        }
    }

    /// Large and small values share one power of ten, said once at the axis end.
    @Test func largeAndSmallNumbersShareAMultiplier() {
        let large = Ticks.linear(lower: 0, upper: 3e6, maxCount: 4)
        #expect(large.map(\.label) == ["0", "1", "2", "3"])
        #expect(large.annotation == "×10⁶")
        let small = Ticks.linear(lower: 0, upper: 4e-7, maxCount: 5)
        #expect(small.map(\.label) == ["0", "1", "2", "3", "4"])
        #expect(small.annotation == "×10⁻⁷")
    }

    /// `render --function 3`: the path does not move, the axis spans 1.3e-6 around 1.5. The
    /// labels used to round to "2" at every tick.
    @Test func aNearlyConstantRangeGetsAnOffsetAndAMultiplier() {
        let ticks = Ticks.linear(lower: 1.5 - 6.5e-7, upper: 1.5 + 6.5e-7, maxCount: 7)
        #expect(ticks.map(\.label) == ["−0.50", "−0.25", "0.00", "0.25", "0.50"])
        #expect(ticks.annotation == "×10⁻⁶ +1.5")
        let domain = Ticks.linear(lower: 1_000_000, upper: 1_000_001, maxCount: 6)
        #expect(domain.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(domain.annotation == "+10⁶")
        let negative = Ticks.linear(lower: -1_234_567.5, upper: -1_234_566.5, maxCount: 3)
        #expect(negative.annotation == "−1.23456×10⁶", "\(negative.map(\.label))")
    }

    /// The right panel of Rosenbrock's overlap-inplace.png: a symmetric-log axis over less than
    /// a decade had no ticks at all.
    @Test func aSymlogAxisWithinADecadeStillHasTicks() {
        let ticks = Ticks.symlog(lower: -63, upper: -17, linearThreshold: 1, maxCount: 8)
        #expect(ticks.count >= 3, "\(ticks.map(\.label))")
        #expect(Ticks.log(lower: 1000, upper: 1000.5).count >= 2)
    }

    @Test func aZeroWidthRangeIsPadded() {
        #expect(Ticks.nonsingular(lower: 3, upper: 3) == 2.85...3.15)
        #expect(Ticks.nonsingular(lower: 0, upper: 0) == -1...1)
        #expect(Ticks.nonsingular(lower: 5, upper: 5, scale: .log) == 4.75...5.25)
        #expect(Ticks.nonsingular(lower: 1, upper: 2) == 1...2)
        #expect(Ticks.nonsingular(lower: .nan, upper: 2) == -1...1)
        #expect(Ticks.linear(lower: 7, upper: 7).count >= 2)
    }

    /// The class: for many random ranges (tiny, huge, far from zero, negative, both signs,
    /// zero-width; linear, log and symmetric-log scales) and tick counts, labels are distinct,
    /// every label read back (label × 10^exponent + offset, as the annotation says) is its tick's
    /// value to within the rounding of its last digit, and every tick lies in the range.
    @Test func everyAxisGetsDistinctLabelsThatReadBackToTheirTicks() throws {
        var random = SplitMix64(seed: 14)
        for case_ in 0..<6000 {
            let (scale, lo, hi) = Self.randomRange(&random, kind: case_ % 8)
            let maxCount = Int(random.next() % 9) + 2
            let ticks = Ticks.forScale(scale, lower: lo, upper: hi, maxCount: maxCount)
            let range = Ticks.nonsingular(lower: lo, upper: hi, scale: scale)
            let context = "\(scale) \(lo)...\(hi) max \(maxCount): \(ticks.map(\.label)) \(ticks.annotation ?? "")"
            #expect(ticks.count >= (maxCount >= 5 ? 2 : 1), "\(context)")
            #expect(Set(ticks.map(\.label)).count == ticks.count, "labels distinct: \(context)")
            let slack = 4 * (range.upperBound.ulp + range.lowerBound.ulp)
            #expect(ticks.allSatisfy { $0.value >= range.lowerBound - slack && $0.value <= range.upperBound + slack }, "in range: \(context)")
            let (annotatedExponent, annotatedOffset) = try #require(Self.parseAnnotation(ticks.annotation), "\(context)")
            #expect(annotatedExponent == ticks.exponent && abs(annotatedOffset - ticks.offset) <= 4 * ticks.offset.ulp, "annotation: \(context)")
            for tick in ticks {
                let (label, lastDigit) = try #require(Self.parseLabel(tick.label), "label \(tick.label): \(context)")
                let multiplier = pow(10, Double(ticks.exponent))
                let readBack = label * multiplier + ticks.offset
                let tolerance = 0.5 * lastDigit * multiplier * (1 + 1e-6) + 8 * tick.value.ulp + 8 * ticks.offset.ulp
                #expect(abs(readBack - tick.value) <= tolerance, "\(tick.label) reads \(readBack) for \(tick.value): \(context)")
            }
        }
    }

    @Test func compactFormatting() {
        #expect(TickFormat.compact(0.00178) == "0.00178")
        #expect(TickFormat.compact(1.2345e-5) == "1.23×10⁻⁵")
        #expect(TickFormat.compact(-2500) == "−2500")
        #expect(TickFormat.compact(1e6) == "10⁶")
        #expect(TickFormat.plain(-0.0001, decimals: 1) == "0.0")
        #expect(TickFormat.exact(1_000_002) == "1.000002×10⁶")
        #expect(TickFormat.decimals(forStep: 1e-7) == 7 && TickFormat.decimals(forStep: 0.25) == 2 && TickFormat.decimals(forStep: 50) == 0)
    }

    // MARK: Random ranges and reading labels back

    static func randomRange(_ random: inout SplitMix64, kind: Int) -> (AxisScale, Double, Double) {
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * random.nextUnit() }
        func magnitude(_ lowest: Double, _ highest: Double) -> Double { pow(10, uniform(lowest, highest)) }
        switch kind {
        case 0:  // tiny
            let a = magnitude(-280, -3) * (random.nextUnit() < 0.5 ? -1 : 1)
            return (.linear, a, a + abs(a) * magnitude(-2, 2))
        case 1:  // huge
            let a = magnitude(3, 300) * (random.nextUnit() < 0.5 ? -1 : 1)
            return (.linear, a, a + abs(a) * magnitude(-2, 0.3))
        case 2:  // far from zero: a span from 1e-11 of the magnitude up
            let centre = magnitude(-5, 12) * (random.nextUnit() < 0.5 ? -1 : 1)
            let span = abs(centre) * magnitude(-11, -1)
            return (.linear, centre - span * random.nextUnit(), centre + span * random.nextUnit() + span * 1e-3)
        case 3:  // both signs
            return (.linear, -magnitude(-6, 8), magnitude(-6, 8))
        case 4:  // zero width, or narrower than can be labelled
            let a = random.nextUnit() < 0.2 ? 0 : magnitude(-8, 8) * (random.nextUnit() < 0.5 ? -1 : 1)
            return (.linear, a, a + abs(a) * 1e-14 * random.nextUnit())
        case 5:  // log, wide or narrow
            let a = magnitude(-200, 200)
            return (.log, a, a * magnitude(-9, 30))
        case 6:  // symlog
            let c = magnitude(-4, 2)
            let a = uniform(-1, 1) * magnitude(-6, 8), b = uniform(-1, 1) * magnitude(-6, 8)
            return (.symlog(linearThreshold: c), min(a, b), max(a, b))
        default:  // reversed ends
            let a = uniform(-1000, 1000), b = uniform(-1000, 1000)
            return (.linear, max(a, b), min(a, b))
        }
    }

    static let superscriptDigits: [Character: Character] = ["⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9", "⁻": "-"]

    /// A label's value and the size of its last digit's unit: "−0.25" → (−0.25, 0.01),
    /// "2×10⁻⁵" → (2e-5, 1e-5), "10³" → (1000, 0).
    static func parseLabel(_ label: String) -> (Double, Double)? {
        var text = label.replacingOccurrences(of: "−", with: "-")
        var power = 0
        if let times = text.range(of: "10", options: .backwards), text[times.upperBound...].allSatisfy({ superscriptDigits[$0] != nil }), !text[times.upperBound...].isEmpty {
            guard let p = Int(String(text[times.upperBound...].map { superscriptDigits[$0]! })) else { return nil }
            power = p
            text = String(text[..<times.lowerBound])
            if text.hasSuffix("×") { text.removeLast() } else if text == "" { text = "1" } else if text == "-" { text = "-1" } else { return nil }
            guard let mantissa = Double(text) else { return nil }
            return (mantissa * pow(10, Double(power)), unit(of: text) * pow(10, Double(power)))
        }
        guard let value = Double(text) else { return nil }
        return (value, unit(of: text))
    }

    /// The unit of a decimal's last digit: "0.25" → 0.01, "40" → 1.
    static func unit(of decimal: String) -> Double {
        guard let dot = decimal.firstIndex(of: ".") else { return 1 }
        return pow(10, -Double(decimal.distance(from: dot, to: decimal.endIndex) - 1))
    }

    /// An annotation's exponent and offset: nil → (0, 0), "×10⁻⁶ +1.5" → (−6, 1.5).
    static func parseAnnotation(_ annotation: String?) -> (Int, Double)? {
        guard let annotation else { return (0, 0) }
        var exponent = 0, offset = 0.0
        for part in annotation.split(separator: " ") {
            if part.hasPrefix("×10") {
                guard let e = Int(String(part.dropFirst(3).map { superscriptDigits[$0] ?? "?" })) else { return nil }
                exponent = e
            } else if let sign = part.first, sign == "+" || sign == "−" {
                guard let (value, _) = parseLabel(String(part.dropFirst())) else { return nil }
                offset = sign == "+" ? value : -value
            } else {
                return nil
            }
        }
        return (exponent, offset)
    }
}
