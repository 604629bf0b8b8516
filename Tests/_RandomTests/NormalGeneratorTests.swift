import Foundation
import Testing
import _Random

@Suite struct NormalGeneratorTests {
    /// Vigna's reference output of splitmix64.c from seed 0.
    @Test func splitMixMatchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next(), generator.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    /// The same doubles as an independent Python transcription of the method
    /// (Tools/noise/normals.py, which Python runs with IEEE doubles and its own SplitMix64).
    @Test func pinnedNormalsForTwoSeeds() {
        var zero = NormalGenerator(seed: 0)
        #expect((0..<4).map { _ in zero.next() } == [0.9845279121083984, -0.17586928586197706, -0.7120661562402929, -0.31234458525050773])
        var fortyTwo = NormalGenerator(seed: 42)
        #expect((0..<4).map { _ in fortyTwo.next() } == [0.49295065581737485, -0.6940056672160174, -1.2810773478777024, -0.901557193497174])
    }

    @Test func portableLogarithmIsWithinTwoUlpsOfLibm() {
        var uniform = SplitMix64(seed: 3)
        var samples = [1e-300, 5e-324, 0.5, 1, 2, 1.4142135623730951, 0.999_999_9, 1e300]
        for _ in 0..<20_000 { samples.append(exp(-700 * uniform.nextUnit())) }
        for x in samples {
            let expected = log(x)
            #expect(abs(portableLogarithm(x) - expected) <= 2 * max(expected.ulp, Double.leastNormalMagnitude), "ln \(x)")
        }
    }

    @Test func normalsHaveMeanZeroAndVarianceOne() {
        var generator = NormalGenerator(seed: 7)
        let draws = (0..<200_000).map { _ in generator.next() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)
        // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance.
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.015)
        let beyondTwo = Double(draws.count { abs($0) > 2 }) / Double(draws.count)
        #expect(abs(beyondTwo - 0.0455) < 0.003)
    }

    @Test func theSameSeedGivesTheSameSequenceAndAnotherSeedAnother() {
        var a = NormalGenerator(seed: 11), b = NormalGenerator(seed: 11), c = NormalGenerator(seed: 12)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }
}
