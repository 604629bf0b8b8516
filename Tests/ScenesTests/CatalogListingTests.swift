import Optimizers
import Testing
@testable import Scenes

@Suite struct CatalogListingTests {
    /// Every optimizer's block names its reference, step kind and every option with its default
    /// and range, under the name a spec uses.
    @Test func listsEveryOptimizerWithItsReferenceStepKindAndOptions() throws {
        let lines = try CatalogListing.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for definition in OptimizerCatalog.all {
            let start = try #require(lines.firstIndex { $0.hasPrefix("  \(definition.specName) ") }, "\(definition.specName)")
            let block = lines[start...].prefix(3).joined(separator: "\n")
            let reference = definition.reference
            #expect(block.contains(reference.className) && block.contains(reference.version), "\(definition.specName)")
            if let package = reference.package { #expect(block.contains(package.module), "\(definition.specName)") }
            #expect(block.contains("step: \(definition.stepKind.rawValue)"))
            for option in definition.options {
                #expect(block.contains("\(option.key)=\(option.defaultValue) (\(option.constraint)"), "\(definition.specName).\(option.key)")
                #expect(block.contains("\(option.key)=\(option.defaultValue) (\(option.constraint); --tune over") == (option.key != "lr" && option.searchInterval != nil))
            }
        }
        #expect(lines.contains { $0.contains("momentum=0.0 (>= 0; --tune over [0, 0.99])") })
        #expect(lines.contains { $0.contains("beta1=0.9 (in [0, 1); --tune over [0, 0.999])") })
    }
}
