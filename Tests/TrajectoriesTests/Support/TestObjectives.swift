import Objectives

/// The one place that maps a fixture's `function` to an objective: the Objectives catalog,
/// whose compiled expressions round their gradients as PyTorch's autograd does.
enum TestObjectives {
    static func named(_ name: String) -> (any Objective)? {
        try? FunctionCatalog().resolve(name).objective
    }

    static let rosenbrock = named("rosenbrock")!
    static let rastrigin = named("rastrigin")!
}
