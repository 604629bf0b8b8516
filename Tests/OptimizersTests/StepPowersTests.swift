import Foundation
import Testing
@testable import Optimizers

@Suite struct StepPowersTests {
    /// Steps at the start, around each table growth, and past the largest table.
    static let steps = [1, 2, 3, 100, 1023, 1024, 1025, 2048, 2049, 70_000, 131_072, 131_073, 400_000]

    @Test(arguments: [0.9, 0.999, 0.99999])
    func powersAreFoundationsBitForBit(beta: Double) {
        var powers = StepPowers(base: beta)
        for t in Self.steps {
            #expect(powers(t).bitPattern == pow(beta, Double(t)).bitPattern, "β = \(beta), t = \(t)")
        }
    }

    @Test func rootOfComplementIsTorchsBiasCorrectionToTheHalf() {
        var roots = StepPowers(base: 0.999, quantity: .rootOfComplement)
        for t in Self.steps {
            let expected = pow(1 - pow(0.999, Double(t)), 0.5)
            #expect(roots(t).bitPattern == expected.bitPattern, "t = \(t)")
        }
    }

    @Test func exponentScaleMultipliesTheStepBeforeRaising() {
        var schedule = StepPowers(base: 0.96, exponentScale: 0.004)
        for t in Self.steps {
            #expect(schedule(t).bitPattern == pow(0.96, Double(t) * 0.004).bitPattern, "t = \(t)")
        }
    }

    @Test func stepsReadInAnyOrderAgreeWithPow() {
        var powers = StepPowers(base: 0.95)
        for t in Self.steps.reversed() + Self.steps {
            #expect(powers(t) == pow(0.95, Double(t)), "t = \(t)")
        }
    }

    @Test func theSharedTableGrowsByDoublingToHoldTheStepRead() {
        let key = PowerTable.Key(0.875, 1, .power)
        var powers = StepPowers(base: 0.875)
        #expect(PowerTable.shared(key, atLeast: 1).values.count == 1024)
        _ = powers(3000)
        #expect(PowerTable.shared(key, atLeast: 1).values.count == 4096)
    }
}
