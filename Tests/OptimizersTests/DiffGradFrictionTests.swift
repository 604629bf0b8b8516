import Foundation
import Testing
@testable import Optimizers

/// The aliasing comes from whose storage the friction reads, never from a special case.
@Suite struct DiffGradFrictionTests {
    /// Steps a one-tensor DiffGrad on f = x² + 10y² and returns (previous, ξ) per step.
    func run(clone: Bool, zeroGrad: ZeroGradMode, version: Int = 0, steps: Int = 4) throws
        -> [(gradient: [Double], previous: [Double], friction: [Double])]
    {
        let parameter = Parameter([-1.5, 1.0])
        let observer = StepObserver(channels: [.previousGradient, .friction], elementCount: 2)
        let optimizer = try OptimizerSpec(parsing: "diffgrad(lr=0.1, version=\(version), clone=\(clone))")
            .makeOptimizer(for: [parameter], observer: observer)
        var record: [(gradient: [Double], previous: [Double], friction: [Double])] = []
        for _ in 0..<steps {
            optimizer.zeroGrad(zeroGrad)
            parameter.accumulateGradient([2 * parameter.values[0], 20 * parameter.values[1]])
            let gradient = try #require(parameter.grad).values
            optimizer.step()
            record.append((gradient, Array(try #require(observer[.previousGradient])), Array(try #require(observer[.friction]))))
        }
        return record
    }

    @Test(arguments: [0, 1, 2])
    func aReferenceToAnInPlaceBufferReadsTheCurrentGradient(version: Int) throws {
        let record = try run(clone: false, zeroGrad: .inplace, version: version)
        #expect(record[0].previous == [0, 0])
        for step in record.dropFirst() {
            #expect(step.previous == step.gradient)
            #expect(step.friction == [0.5, 0.5])
        }
    }

    @Test(arguments: [(true, ZeroGradMode.inplace), (true, .none), (false, .none)])
    func otherwiseItReadsThePreviousStep(clone: Bool, zeroGrad: ZeroGradMode) throws {
        let record = try run(clone: clone, zeroGrad: zeroGrad)
        #expect(record[0].previous == [0, 0])
        for index in 1..<record.count {
            #expect(record[index].previous == record[index - 1].gradient)
            #expect(record[index].friction.allSatisfy { $0 > 0.5 && $0 < 1 })
        }
    }

    @Test func frictionFollowsEachVersionsFormula() {
        let v0 = DiffGradFriction(version: .absoluteSigmoid, clone: true)
        let v1 = DiffGradFriction(version: .signedSigmoid, clone: true)
        let v2 = DiffGradFriction(version: .scaledSigmoid, clone: true)
        #expect(v0.friction(previous: 1, current: 3) == 1 / (1 + exp(-2.0)))
        #expect(v1.friction(previous: 1, current: 3) == 1 / (1 + exp(2.0)))
        #expect(v2.friction(previous: 1, current: 3) == 9 / (1 + exp(-1.0)) - 4)
        for friction in [v0, v1, v2] { #expect(friction.friction(previous: 2, current: 2) == 0.5) }
    }
}
