import Objectives
import Optimizers
import Testing
import Trajectories
@testable import Scenes

@Suite struct OutputNameTests {
    @Test func slugsAreLowercaseWordsJoinedByHyphens() {
        #expect(OutputName.slug("Rosenbrock") == "rosenbrock")
        #expect(OutputName.slug("adam(lr=0.1)") == "adam-lr-0-1")
        #expect(OutputName.slug("(1-x)^2") == "1-x-2")
        #expect(OutputName.make(["rosenbrock", "adam", "diffgrad"]) == "rosenbrock-adam-diffgrad")
    }

    /// A name keeps its readable slug and gains 8 hex digits exactly when the slug loses something.
    @Test func aHashIsAddedWhereTheSlugLosesInformation() {
        let name = OutputName.make(["Rosenbrock", "adam(lr=0.1)"])
        #expect(name.hasPrefix("rosenbrock-adam-lr-0-1-"))
        #expect(name.split(separator: "-").last?.count == 8)
        #expect(OutputName.make(["***"]).hasPrefix("render-"))
        let long = Array(repeating: "abcdefghij", count: 12)
        #expect(OutputName.make(long).count == 80 + 9, "a truncated slug gets the hash")
    }

    /// Stable across runs and machines: FNV-1a, not Swift's seeded Hasher.
    @Test func theHashIsFNV1a() {
        #expect(OutputName.hash([]) == String(0xcbf2_9ce4 ^ 0x8422_2325, radix: 16), "the FNV-1a offset basis, folded")
        #expect(OutputName.hash(["a"]) == OutputName.hash(["a"]))
        #expect(OutputName.hash(["ab"]) != OutputName.hash(["a", "b"]))
    }

    /// Texts whose slugs collide get distinct names: every pair of a set of near-identical specs and expressions.
    @Test func slugCollisionsGetDistinctNames() throws {
        let texts = ["x^2+y^2", "x^2-y^2", "x^2*y^2", "x^2/y^2", "X^2+Y^2", "(x^2+y^2)", "x^2 + y^2"]
        let names = texts.map { OutputName.make(["adam", $0]) }
        #expect(Set(texts.map(OutputName.slug)).count == 1, "the texts should share one slug for this test to mean anything")
        #expect(Set(names).count == texts.count, "\(names)")
        let specs = try ["adam(lr=0.1)", "adam(lr=0.01)", "adam(lr=0.001)", "adam(beta1=0.5)", "adam(beta1=0.50001)", "adam(amsgrad=true)"]
            .map { try OptimizerSpec(parsing: $0) }
        let maps = specs.map(OutputName.forOptimizer)
        #expect(Set(maps).count == specs.count, "\(maps)")
        #expect(try OutputName.forOptimizer(OptimizerSpec(parsing: "adam")) == "adam")
        #expect(try OutputName.forOptimizer(OptimizerSpec(parsing: "adam( lr = 0.1 )")) == maps[0], "one spec, one name however it is spelled")
    }

    @Test func runsThatDifferOnlyInTheirSettingsGetDistinctNames() throws {
        let rosenbrock = try FunctionCatalog().resolve("rosenbrock")
        let adam = try OptimizerSpec(parsing: "adam")
        let plain = RunConfiguration(start: rosenbrock.start, steps: 300)
        #expect(OutputName.forRun(function: rosenbrock, optimizers: [adam], configuration: plain) == "rosenbrock-adam")
        var variants: [RunConfiguration] = []
        for change in 0..<5 {
            var configuration = plain
            switch change {
            case 0: configuration.steps = 301
            case 1: configuration.start = [0, 0]
            case 2: configuration.zeroGrad = .none
            case 3: configuration.clipGradNorm = 1
            default: configuration.layout = .split
            }
            variants.append(configuration)
        }
        let names = variants.map { OutputName.forRun(function: rosenbrock, optimizers: [adam], configuration: $0) }
        #expect(Set(names + ["rosenbrock-adam"]).count == variants.count + 1, "\(names)")
        let ten = try FunctionCatalog().resolve("rosenbrock-n", dimension: 10)
        let twenty = try FunctionCatalog().resolve("rosenbrock-n", dimension: 20)
        #expect(OutputName.forRun(function: ten, optimizers: [adam]) != OutputName.forRun(function: twenty, optimizers: [adam]))
    }
}
