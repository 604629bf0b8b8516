extension OptionKey where Value == Int {
    static var maxIter: Self { .init("max_iter") }
    static var maxEval: Self { .init("max_eval") }
    static var historySize: Self { .init("history_size") }
}

extension OptionKey where Value == Double {
    static var toleranceGrad: Self { .init("tolerance_grad") }
    static var toleranceChange: Self { .init("tolerance_change") }
}

extension OptionKey where Value == OptionChoice {
    static var lineSearchFn: Self { .init("line_search_fn") }
}

extension OptimizerCatalog {
    /// `torch.optim.LBFGS`, one `step(closure)` per trajectory point (up to max_iter inner
    /// iterations, each re-evaluating f and ∇f through the closure). Its first step is scaled
    /// to at most lr/Σ|g|, later ones are lr along the quasi-Newton direction: e^-8..e^0.
    static let lbfgs = OptimizerDefinition(
        "lbfgs", .torch("LBFGS"), families: [.classic], search: -8...0,
        options: [
            .lr(1),
            OptimizerOption(.maxIter, 20, .atLeast(1), "inner iterations per step"),
            OptimizerOption(.maxEval, 0, .atLeast(0), "closure calls per step; 0 is the reference's None, max_iter·5/4"),
            OptimizerOption(.toleranceGrad, 1e-7, .nonNegative, "stop when max |g| is at most this"),
            OptimizerOption(.toleranceChange, 1e-9, .nonNegative, "stop when the step or the loss changes less"),
            OptimizerOption(.historySize, 100, .atLeast(1), "curvature pairs kept"),
            OptimizerOption(.lineSearchFn, "none", .words(["none"]), "line search (strong_wolfe is not yet reproduced)"),
        ]
    ) { s, _ in
        LBFGSStepper(
            learningRate: s[.lr], maxIterations: s[.maxIter], maxEvaluations: s[.maxEval] == 0 ? s[.maxIter] * 5 / 4 : s[.maxEval],
            toleranceGrad: s[.toleranceGrad], toleranceChange: s[.toleranceChange], historySize: s[.historySize])
    }
}

/// `torch.optim.LBFGS`'s step without a line search, line by line: the two-loop recursion over
/// the kept pairs (y, s) with ρ = 1/(y·s), pairs kept when y·s > 1e-10 (the oldest dropped past
/// history_size), H = (y·s)/(y·y); the first step t = min(1, 1/Σ|g|)·lr, later t = lr;
/// `p ← p + t·d`; and the reference's stopping tests. All parameters form one flat vector. Dot
/// products and sums are sequential, as PyTorch's are for a 2-D point and for
/// `--param-layout split`. The pairs live in two ring buffers allocated once, so a step
/// allocates nothing.
final class LBFGSStepper: ClosureStepper {
    let learningRate: Double
    let maxIterations: Int
    let maxEvaluations: Int
    let toleranceGrad: Double
    let toleranceChange: Double
    let historySize: Int

    /// Elements in all, known at the first step.
    private var count = 0
    /// Inner iterations over all steps (`n_iter`), the step length t.
    private var iterations = 0
    private var stepLength = 0.0
    private var hessianDiagonal = 1.0
    /// Flat vectors: g, the previous g, the direction d, and the recursion's q.
    private var gradient: [Double] = []
    private var previousGradient: [Double] = []
    private var direction: [Double] = []
    private var q: [Double] = []
    /// The kept pairs, oldest first from `oldest`: y and s in rings of history_size × count, ρ, α.
    private var changes: [Double] = []
    private var steps: [Double] = []
    private var curvatures: [Double] = []
    private var alphas: [Double] = []
    private var oldest = 0
    private var kept = 0

    init(
        learningRate: Double, maxIterations: Int, maxEvaluations: Int, toleranceGrad: Double, toleranceChange: Double,
        historySize: Int
    ) {
        self.learningRate = learningRate
        self.maxIterations = maxIterations
        self.maxEvaluations = maxEvaluations
        self.toleranceGrad = toleranceGrad
        self.toleranceChange = toleranceChange
        self.historySize = historySize
    }

    func step(_ parameters: [Parameter], closure: () -> Double) {
        if count == 0 { allocate(parameters.reduce(0) { $0 + $1.count }) }
        var loss = closure()
        var evaluations = 1
        gatherGradient(parameters)
        var optimal = maxAbs(gradient, scale: 1) <= toleranceGrad
        guard !optimal else { return }
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            iterations += 1
            if iterations == 1 {
                for index in 0..<count { direction[index] = -gradient[index] }
                kept = 0
                hessianDiagonal = 1
            } else {
                updateDirection()
            }
            for index in 0..<count { previousGradient[index] = gradient[index] }
            let previousLoss = loss
            var absoluteSum = 0.0
            for index in 0..<count { absoluteSum += abs(gradient[index]) }
            stepLength = iterations == 1 ? Swift.min(1, 1 / absoluteSum) * learningRate : learningRate
            if dot(gradient, direction) > -toleranceChange { break }
            var offset = 0
            for parameter in parameters {
                for index in 0..<parameter.count {
                    parameter.storage[index] = addScaled(parameter.storage[index], stepLength, direction[offset + index])
                }
                offset += parameter.count
            }
            if iteration != maxIterations {
                loss = closure()
                gatherGradient(parameters)
                optimal = maxAbs(gradient, scale: 1) <= toleranceGrad
                evaluations += 1
            }
            if iteration == maxIterations || evaluations >= maxEvaluations || optimal { break }
            if maxAbs(direction, scale: stepLength) <= toleranceChange || abs(loss - previousLoss) < toleranceChange { break }
        }
    }

    private func allocate(_ elements: Int) {
        count = elements
        gradient = Array(repeating: 0, count: elements)
        previousGradient = gradient
        direction = gradient
        q = gradient
        changes = Array(repeating: 0, count: historySize * elements)
        steps = changes
        curvatures = Array(repeating: 0, count: historySize)
        alphas = curvatures
    }

    /// Where pair `pair` (0 the oldest) starts in the rings.
    private func slot(_ pair: Int) -> Int { (oldest + pair) % historySize }

    /// Keeps the newest pair if its curvature is positive, then the two-loop recursion.
    private func updateDirection() {
        var curvature = 0.0, change2 = 0.0
        for index in 0..<count {
            let change = gradient[index] - previousGradient[index], step = direction[index] * stepLength
            curvature += change * step
            change2 += change * change
            q[index] = change
            direction[index] = step
        }
        if curvature > 1e-10 {
            if kept == historySize {
                oldest = (oldest + 1) % historySize
            } else {
                kept += 1
            }
            let newest = slot(kept - 1)
            for index in 0..<count {
                changes[newest * count + index] = q[index]
                steps[newest * count + index] = direction[index]
            }
            curvatures[newest] = 1 / curvature
            hessianDiagonal = curvature / change2
        }
        for index in 0..<count { q[index] = -gradient[index] }
        for pair in (0..<kept).reversed() {
            let base = slot(pair) * count
            var product = 0.0
            for index in 0..<count { product += steps[base + index] * q[index] }
            alphas[pair] = product * curvatures[slot(pair)]
            for index in 0..<count { q[index] = addScaled(q[index], -alphas[pair], changes[base + index]) }
        }
        for index in 0..<count { direction[index] = q[index] * hessianDiagonal }
        for pair in 0..<kept {
            let base = slot(pair) * count
            var product = 0.0
            for index in 0..<count { product += changes[base + index] * direction[index] }
            let beta = product * curvatures[slot(pair)]
            for index in 0..<count { direction[index] = addScaled(direction[index], alphas[pair] - beta, steps[base + index]) }
        }
    }

    /// All parameters' gradients as one vector (zeros where a parameter has no buffer).
    private func gatherGradient(_ parameters: [Parameter]) {
        var offset = 0
        for parameter in parameters {
            for index in 0..<parameter.count { gradient[offset + index] = parameter.grad?.storage[index] ?? 0 }
            offset += parameter.count
        }
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for index in 0..<count { sum += a[index] * b[index] }
        return sum
    }

    /// max |scale·x|, NaN if any is NaN (as `torch.max`).
    private func maxAbs(_ values: [Double], scale: Double) -> Double {
        var largest = 0.0
        for index in 0..<count {
            let magnitude = abs(values[index] * scale)
            if magnitude.isNaN { return .nan }
            largest = Swift.max(largest, magnitude)
        }
        return largest
    }
}
