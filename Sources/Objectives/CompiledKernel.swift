/// An expression's f and gradient compiled ahead of time into straight-line Swift (the built-in
/// catalog's, `CompiledKernelSource`): the same operations in the same order as the closures
/// that `ExpressionGradient` builds at run time, so the same bits, without a call per operation.
/// Any expression whose text matches a catalog expression uses it, typed inline or not.
struct CompiledKernel: Sendable {
    /// f(x, y) and (∂f/∂x, ∂f/∂y).
    let valueAndGradient: @Sendable (_ x: Double, _ y: Double) -> (value: Double, dx: Double, dy: Double)
    /// (∂f/∂x, ∂f/∂y), computing only the values some derivative reads.
    let gradient: @Sendable (_ x: Double, _ y: Double) -> (dx: Double, dy: Double)
}
