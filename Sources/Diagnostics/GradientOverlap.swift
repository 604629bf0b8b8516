import Trajectories

/// How the previous gradient a DiffGrad-family optimizer read relates to the gradients it received.
///
/// For each step t ≥ 2 (1-based) it compares, element by element and exactly, g(t-1) as read
/// by the optimizer with the current gradient g(t) ("overlap": the aliasing bug) and with the
/// gradient of the step before ("shifted by one step": the correct behaviour). Step 1 is left
/// out: its previous gradient is the zero initial state either way.
public struct GradientOverlap: Sendable, Equatable, Codable {
    /// Steps compared: the steps after the first.
    public let comparedSteps: Int
    /// Steps where g(t-1) as read equals g(t).
    public let overlappingSteps: Int
    /// Steps where g(t-1) as read equals the gradient of the step before.
    public let shiftedSteps: Int
    /// The first step from which ξ is exactly 0.5 for every element until the end; `nil` if none.
    public let halfFrictionFromStep: Int?

    /// `overlappingSteps / comparedSteps`, 0 when nothing was compared.
    public var overlapFraction: Double {
        comparedSteps == 0 ? 0 : Double(overlappingSteps) / Double(comparedSteps)
    }

    /// `shiftedSteps / comparedSteps`, 0 when nothing was compared.
    public var shiftFraction: Double {
        comparedSteps == 0 ? 0 : Double(shiftedSteps) / Double(comparedSteps)
    }

    /// Measures a run; `nil` when the run has no previous gradients (not a DiffGrad-family run).
    public init?(_ run: Trajectory) {
        guard let previous = run.previousGradients else { return nil }
        let current = run.gradients
        let steps = min(previous.count, current.count)
        var overlapping = 0
        var shifted = 0
        if steps >= 2 {
            for step in 1..<steps {
                if previous[step] == current[step] { overlapping += 1 }
                if previous[step] == current[step - 1] { shifted += 1 }
            }
        }
        comparedSteps = max(0, steps - 1)
        overlappingSteps = overlapping
        shiftedSteps = shifted
        halfFrictionFromStep = Self.firstStepOfConstantHalf(run.friction ?? [])
    }

    /// The 1-based step from which every ξ is exactly 0.5 until the end, if the run ends that way.
    private static func firstStepOfConstantHalf(_ friction: VectorSeries) -> Int? {
        var first: Int?
        for (index, values) in friction.enumerated().reversed() {
            guard values.allSatisfy({ $0 == 0.5 }) else { break }
            first = index + 1
        }
        return first
    }
}
