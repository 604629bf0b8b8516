/// What one step of an optimizer needs from the training loop.
public enum StepKind: String, Sendable {
    /// `optimizer.step()` after one backward pass: the gradient buffers are all it reads.
    case gradient
    /// `optimizer.step(closure)`: it may evaluate f and ∇f again at other points (LBFGS's line
    /// search, SAM's ascent step).
    case closure
    /// Hessian-vector products `H·v` at the current point, from the objective's derivatives.
    case hessianVectorProduct = "hessian-vector product"
}
