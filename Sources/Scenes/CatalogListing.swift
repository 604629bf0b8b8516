import Objectives
import Optimizers

/// The text of `trajviz list`: every function with its title, minima and domain, then every
/// optimizer with the implementation it reproduces (package, class, version), the kind of step
/// it needs, its families and learning-rate search interval, and its options (default, range).
public enum CatalogListing {
    public static func text(functionFolders: [String] = []) throws -> String {
        let catalog = FunctionCatalog(searchPaths: functionFolders)
        var lines = ["Functions"]
        for name in try catalog.names() {
            let definition = try catalog.resolve(name)
            lines.append("  \(pad(name, 26)) \(definition.title)")
            var facts: [String] = []
            if let domain = definition.domain {
                facts.append("domain x \(interval(domain.x)), y \(interval(domain.y))")
            } else {
                facts.append("dimension \(definition.dimension)")
            }
            facts.append(definition.minima.isEmpty ? "no minimum" : "minima " + definition.minima.map(point).joined(separator: " "))
            facts.append("start " + point(definition.start))
            lines.append("  \(pad("", 26)) " + facts.joined(separator: "; "))
        }
        lines.append("")
        lines.append("Optimizers (spec: name(key=value, ...); name@torch, name@torch_optimizer, name@pytorch_optimizer pick one package's class)")
        for definition in OptimizerCatalog.all {
            lines.append("  \(pad(definition.specName, 26)) \(definition.reference)")
            var facts = ["step: \(definition.stepKind.rawValue)", "families: " + definition.families.map(\.rawValue).joined(separator: ", ")]
            if definition.specName != definition.qualifiedName { facts.append("also \(definition.qualifiedName)") }
            let search = definition.learningRateSearch
            facts.append("lr searched in e^\(number(search.lowerBound))..e^\(number(search.upperBound))")
            if !definition.channels.isEmpty { facts.append("reports " + definition.channels.map { "\($0.name)" }.joined(separator: ", ")) }
            lines.append("  \(pad("", 26)) " + facts.joined(separator: "; "))
            let options = definition.options.map { option in
                let tuned = option.key == "lr" ? "" : option.searchInterval.map { "; --tune over \(interval($0))" } ?? ""
                return "\(option.key)=\(option.defaultValue) (\(option.constraint)\(tuned))"
            }
            lines.append("  \(pad("", 26)) " + options.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private static func interval(_ range: ClosedRange<Double>) -> String {
        "[\(number(range.lowerBound)), \(number(range.upperBound))]"
    }

    private static func point(_ coordinates: [Double]) -> String {
        "(" + coordinates.prefix(4).map(number).joined(separator: ", ") + (coordinates.count > 4 ? ", ..." : "") + ")"
    }

    private static func number(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : "\(rounded)"
    }
}
