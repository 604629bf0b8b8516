import Objectives
import Optimizers

/// The text of `trajviz list`: every function with its title, minima and domain, then every
/// optimizer with its options (default, allowed range) and the implementation it reproduces.
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
        lines.append("Optimizers (spec: name(key=value, ...))")
        for definition in OptimizerCatalog.all {
            lines.append("  \(pad(definition.name, 11)) \(definition.reference)")
            let options = definition.options.map { "\($0.key)=\($0.defaultValue) (\($0.constraint))" }
            lines.append("  \(pad("", 11)) " + options.joined(separator: ", "))
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
