import Testing
@testable import Optimizers

@Suite struct OptimizerSpecTests {
    @Test(arguments: [
        ("adam", "adam"),
        ("adam()", "adam"),
        ("  Adam ( lr = 0.01 ) ", "adam(lr=0.01)"),
        ("diffgrad(clone=false, lr=0.01)", "diffgrad(lr=0.01, clone=false)"),
        ("sgd(nesterov=true, momentum=0.9, lr=2e-2)", "sgd(lr=0.02, momentum=0.9, nesterov=true)"),
        ("diffmod(lr=0.03, average_step=true, len_memory=100)", "diffmod(lr=0.03, len_memory=100, average_step=true)"),
        ("adam(lr=1)", "adam(lr=1.0)"),
        ("ranger(eps=1e-5)", "ranger(eps=1e-05)"),
        ("lookahead(k=5.0)", "lookahead(k=5)"),
    ])
    func normalises(_ text: String, _ canonical: String) throws {
        let spec = try OptimizerSpec(parsing: text)
        #expect(spec.description == canonical)
        #expect(try OptimizerSpec(parsing: spec.description) == spec)
    }

    @Test func resolvesDefaultsAndGivenValues() throws {
        let spec = try OptimizerSpec(parsing: "diffgrad(lr=0.02, version=1, clone=false)")
        #expect(spec.value(of: .lr) == 0.02)
        #expect(spec.value(of: .beta2) == 0.999)
        #expect(spec.value(of: .version) == 1)
        #expect(spec.value(of: .clone) == false)
        #expect(spec.givenValue(of: .beta2) == nil)
        #expect(spec.value(of: .momentum) == nil, "diffgrad takes no momentum")
        #expect(spec.hasFriction)
        #expect(try !OptimizerSpec(parsing: "adam").hasFriction)
    }

    @Test(arguments: [
        ("adma(lr=0.1)", OptimizerSpecError.Kind.unknownOptimizer, "did you mean 'adam'?"),
        ("difgrad", .unknownOptimizer, "did you mean 'diffgrad'?"),
        ("zzzzzz", .unknownOptimizer, "known: sgd, adagrad"),
        ("adam(learning_rate=0.1)", .unknownKey, "adam has no option 'learning_rate'"),
        ("adam(lr=0.1, beta=0.9)", .unknownKey, "did you mean 'beta1'?"),
        ("adam(betas=0.9)", .unknownKey, "give betas as beta1=... and beta2=..."),
        ("adamod(betas=0.9)", .unknownKey, "give betas as beta1=... and beta2=... and beta3=..."),
        ("adam(lr=0.1, lr=0.2)", .duplicateKey, "lr is given twice"),
        ("adam(lr=fast)", .wrongType, "lr takes a finite number, got 'fast'"),
        ("adam(lr=inf)", .wrongType, "lr takes a finite number"),
        ("adam(amsgrad=1)", .wrongType, "amsgrad takes true or false, got '1'"),
        ("diffgrad(version=1.5)", .wrongType, "version takes an integer, got '1.5'"),
        ("adam(lr=0)", .outOfRange, "lr must be > 0, got 0.0"),
        ("adam(lr=-0.1)", .outOfRange, "lr must be > 0"),
        ("adam(beta1=1)", .outOfRange, "beta1 must be in [0, 1), got 1.0"),
        ("adam(beta2=-0.5)", .outOfRange, "beta2 must be in [0, 1)"),
        ("adam(eps=-1e-8)", .outOfRange, "eps must be >= 0"),
        ("sgd(weight_decay=-1)", .outOfRange, "weight_decay must be >= 0"),
        ("diffgrad(version=3)", .outOfRange, "version must be one of 0, 1, 2, got 3"),
        ("diffmod(len_memory=0)", .outOfRange, "len_memory must be >= 1"),
        ("sgd(nesterov=true)", .inconsistent, "nesterov=true needs momentum > 0"),
        ("adam(lr=0.1", .syntax, "expected ',' or ')'"),
        ("adam(lr 0.1)", .syntax, "expected '=' after 'lr'"),
        ("adam(=0.1)", .syntax, "expected a key"),
        ("adam(lr=)", .syntax, "expected a value for 'lr'"),
        ("adam) ", .syntax, "unexpected ')' at column 5"),
        ("", .syntax, "expected an optimizer name"),
    ])
    func rejects(_ text: String, _ kind: OptimizerSpecError.Kind, _ fragment: String) {
        do {
            _ = try OptimizerSpec(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error.kind == kind)
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(error.description.hasPrefix("optimizer '\(text)': "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func settingAnOptionKeepsTheOthersInCanonicalOrder() throws {
        let spec = try OptimizerSpec(parsing: "diffgrad(clone=false, beta2=0.99)")
        let changed = try spec.setting(.lr, to: 0.123456789012345).setting(.clone, to: true)
        #expect(changed.description == "diffgrad(lr=0.123456789012345, beta2=0.99, clone=true)")
        #expect(changed.value(of: .lr) == 0.123456789012345)
        #expect(try spec.setting(.beta2, to: 0.99) == spec)
        #expect(throws: OptimizerSpecError.self) { try spec.setting(.lr, to: -1) }
        #expect(throws: OptimizerSpecError.self) { try spec.setting(.momentum, to: 0.9) }
        let nesterov = try OptimizerSpec(parsing: "sgd(momentum=0.9, nesterov=true)")
        #expect(throws: OptimizerSpecError.self) { try nesterov.setting(.momentum, to: 0) }
    }

    @Test(arguments: [
        ("adam@torch", "adam", "torch.optim.Adam"),
        ("Adam@Torch(lr=0.1)", "adam(lr=0.1)", "torch.optim.Adam"),
        ("lion@pytorch_optimizer", "lion", "pytorch_optimizer.Lion"),
        ("adabelief@torch_optimizer(lr=0.1)", "adabelief(lr=0.1)", "torch_optimizer.AdaBelief"),
        ("ranger", "ranger", "lessw2020/Best-Deep-Learning-Optimizers Ranger/ranger.py Ranger"),
    ])
    func namesPickOnePackagesClass(_ text: String, _ canonical: String, _ reference: String) throws {
        let spec = try OptimizerSpec(parsing: text)
        #expect(spec.description == canonical)
        #expect(spec.definition.reference.description.hasPrefix(reference))
    }

    @Test func aPackageWithoutTheClassIsAnUnknownOptimizer() {
        for text in ["adam@torch_optimizer", "lion@torch", "adam@numpy", "diffgrad@torch"] {
            #expect(throws: OptimizerSpecError.self, "\(text)") { try OptimizerSpec(parsing: text) }
        }
    }

    @Test func everyDefinitionIsConsistent() throws {
        for definition in OptimizerCatalog.all {
            #expect(Set(definition.options.map(\.key)).count == definition.options.count, "\(definition.name)")
            #expect(definition.options.first?.key == "lr", "\(definition.name) lists lr first")
            for option in definition.options {
                #expect(option.constraint.admits(option.defaultValue), "\(definition.name).\(option.key)")
            }
            #expect(!definition.reference.className.isEmpty && !definition.reference.version.isEmpty)
            #expect(try OptimizerSpec(parsing: definition.specName).description == definition.specName)
            #expect(OptimizerCatalog.definition(named: definition.qualifiedName)?.qualifiedName == definition.qualifiedName)
        }
        #expect(Set(OptimizerCatalog.all.map(\.qualifiedName)).count == OptimizerCatalog.all.count)
        #expect(OptimizerCatalog.all.count == 22)
        #expect(OptimizerCatalog.all.filter(\.hasFriction).map(\.name) == ["diffgrad", "diffrgrad", "diffmod"])
    }

    @Test func everyOptimizerDescendsABowlFromItsDefaults() throws {
        for definition in OptimizerCatalog.all {
            let parameter = Parameter([1.0, -2.0])
            let spec = try OptimizerSpec(parsing: "\(definition.name)(lr=0.01)")
            let optimizer = spec.makeOptimizer(for: [parameter])
            func evaluate() -> Double {
                optimizer.zeroGrad(.inplace)
                parameter.accumulateGradient(parameter.values.map { 2 * $0 })
                return parameter.values.map { $0 * $0 }.reduce(0, +)
            }
            for _ in 0..<20 {
                _ = evaluate()
                if optimizer.needsClosure { optimizer.step(closure: evaluate) } else { optimizer.step() }
            }
            let norm = parameter.values.map { $0 * $0 }.reduce(0, +)
            #expect(norm < 5, "\(definition.name) moved to \(parameter.values)")
            #expect(optimizer.stepCount == 20)
        }
    }
}
