/// A function of x and y written in the expression language, compiled once, with its exact
/// gradient by automatic differentiation (never finite differences).
///
/// Values and gradients at single points run through closures compiled once: a forward pass,
/// and a reverse sweep that rounds exactly as PyTorch's autograd (`ExpressionGradient`); the
/// built-in catalog's expressions have that sweep compiled ahead of time as well
/// (`CompiledKernel`), which gradients use. Grids run the flat instruction program in batches
/// (`ExpressionProgram`). All apply the same PyTorch operation semantics, so the value is the
/// same bits on every path.
///
///     let f = try ExpressionObjective("(1-x)^2 + 100*(y-x^2)^2")
///     var g = [0.0, 0.0]
///     let v = f.valueAndGradient(at: [-2, 2], into: &g)   // 409, g = [-1606, -400]
public struct ExpressionObjective: Objective {
    /// The source text.
    public let text: String
    /// The parsed tree.
    public let syntax: ExpressionSyntax
    let program: ExpressionProgram
    let gradient: ExpressionGradient
    /// What gradients run: `kernel`, or else the run-time closures, chosen once at init rather
    /// than at every call.
    let sweep: CompiledKernel

    public var dimension: Int { 2 }

    /// Parses and compiles `text`; errors name `sourceName`, line and column, with a caret.
    public init(_ text: String, sourceName: String = "expression") throws(ObjectiveError) {
        try self.init(text: text, syntax: ExpressionSyntax.parse(text, sourceName: sourceName))
    }

    /// Compiles an already parsed tree of `text`.
    public init(text: String, syntax: ExpressionSyntax) {
        self.text = text
        self.syntax = syntax
        self.program = ExpressionProgram(compiling: syntax)
        self.gradient = ExpressionGradient(syntax)
        let gradient = self.gradient
        self.sweep = CompiledKernel.catalog[text] ?? CompiledKernel(valueAndGradient: gradient.valueAndGradient, gradient: gradient.gradient)
    }

    /// The ahead-of-time sweep, when the text is a built-in catalog expression.
    var kernel: CompiledKernel? { CompiledKernel.catalog[text] }

    /// The number of instructions after folding constants and sharing subexpressions.
    public var instructionCount: Int { program.instructions.count }

    /// f(x, y) at the first two coordinates of `point`.
    @inline(__always)
    public func value(at point: [Double]) -> Double {
        gradient.value(point[0], point[1])
    }

    /// f(x, y), and (∂f/∂x, ∂f/∂y) written into the first two elements of `gradient`.
    @inline(__always)
    public func valueAndGradient(at point: [Double], into gradient: inout [Double]) -> Double {
        let (value, dx, dy) = sweep.valueAndGradient(point[0], point[1])
        gradient[0] = dx
        gradient[1] = dy
        return value
    }

    /// (∂f/∂x, ∂f/∂y) written into the first two elements of `gradient`, without computing f.
    @inline(__always)
    public func gradient(at point: [Double], into gradient: inout [Double]) {
        let (dx, dy) = sweep.gradient(point[0], point[1])
        gradient[0] = dx
        gradient[1] = dy
    }

    /// f on the grid `xs` × `ys`, row-major with one row per y, by batched evaluation.
    public func values(onGridX xs: [Double], y ys: [Double]) -> [Double] {
        program.values(onGridX: xs, y: ys)
    }
}
