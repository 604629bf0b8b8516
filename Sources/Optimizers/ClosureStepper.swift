/// The step of an optimizer that evaluates f and ∇f again during the step, through the closure
/// `optimizer.step(closure)` receives (LBFGS; the SAM family). It works on all the parameters at
/// once, as one flat vector where the reference does (`_gather_flat_grad`).
public protocol ClosureStepper: AnyObject {
    /// One step: reads the gradient buffers the closure fills, moves the parameters.
    func step(_ parameters: [Parameter], closure: () -> Double)
}
