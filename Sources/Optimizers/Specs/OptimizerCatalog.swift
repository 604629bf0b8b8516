/// Every optimizer TrajViz knows. Each is defined in its own recipe file in `Recipes/`, with
/// the reference whose trajectories it reproduces to 1e-9; this list only orders them.
public enum OptimizerCatalog {
    /// All definitions, in the order `trajviz list` shows them.
    public static let all: [OptimizerDefinition] = [
        sgd, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam,
        adamod, yogi, adabelief, lookahead, lion, ranger, diffgrad, diffrgrad, diffmod,
        rprop, asgd, lamb, lbfgs,
    ]

    /// The definition a spec's name picks (case-insensitive), if any:
    /// - `name@torch`, `name@torch_optimizer`, `name@pytorch_optimizer`: that package's class;
    /// - a bare name: a repository's optimizer of that name if there is one (the names TrajViz
    ///   has always had, such as `ranger` and `diffgrad`, keep their meaning), else the class
    ///   of the first package that has it, in the order torch, torch_optimizer, pytorch_optimizer.
    public static func definition(named name: String) -> OptimizerDefinition? {
        let lowered = name.lowercased()
        if let at = lowered.firstIndex(of: "@") {
            let bare = String(lowered[..<at]), package = ReferencePackage(rawValue: String(lowered[lowered.index(after: at)...]))
            return all.first { $0.name == bare && $0.reference.package != nil && $0.reference.package == package }
        }
        return all.filter { $0.name == lowered }.min { precedence($0) < precedence($1) }
    }

    /// Every name a spec may use: the bare names and, for packages' classes, `name@package`.
    public static var names: [String] {
        var names: [String] = []
        for definition in all {
            if !names.contains(definition.name) { names.append(definition.name) }
            if definition.reference.package != nil { names.append(definition.qualifiedName) }
        }
        return names
    }

    /// A repository's optimizer first, then the packages in their order.
    private static func precedence(_ definition: OptimizerDefinition) -> Int {
        definition.reference.package.map { 1 + ReferencePackage.allCases.firstIndex(of: $0)! } ?? 0
    }
}
