import Foundation
import Objectives
import Optimizers
import Plotting

/// `GET /catalog.json`: what the page offers, the 2-D catalog functions (name, title, start)
/// every optimizer with its options (key, kind, default, range, summary), and the paths'
/// palette (CSS colours), so that the page's swatches match the map.
enum ExplorerCatalog {
    struct Function: Encodable {
        let name: String
        let title: String
        let start: [Double]
    }

    struct Option: Encodable {
        let key: String
        let kind: String
        let defaultValue: String
        let range: String
        let summary: String
    }

    struct Optimizer: Encodable {
        let name: String
        let friction: Bool
        let options: [Option]
    }

    struct Document: Encodable {
        let functions: [Function]
        let optimizers: [Optimizer]
        let palette: [String]
    }

    /// The document, made once.
    static let json: Data = {
        let functions = ((try? FunctionCatalog.builtIn()) ?? []).filter { $0.dimension == 2 }
            .map { Function(name: $0.name, title: $0.title, start: $0.start) }
        let optimizers = OptimizerCatalog.all.map { definition in
            Optimizer(
                name: definition.specName, friction: definition.hasFriction,
                options: definition.options.map {
                    Option(key: $0.key, kind: $0.kind.rawValue, defaultValue: $0.defaultValue.description, range: $0.constraint.description, summary: $0.summary)
                })
        }
        let palette = PathPalette.colors.map { String(format: "#%02X%02X%02X", $0.red, $0.green, $0.blue) }
        return (try? JSONEncoder().encode(Document(functions: functions, optimizers: optimizers, palette: palette))) ?? Data("{}".utf8)
    }()
}
