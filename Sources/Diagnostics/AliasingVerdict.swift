/// The conclusion drawn from a `GradientOverlap`, with the numbers behind it.
public struct AliasingVerdict: Sendable, Equatable, Codable {
    /// What the numbers show.
    public enum Finding: String, Sendable, Codable {
        /// g(t-1) as read is the current gradient at every step after the first.
        case aliasing
        /// g(t-1) as read is the previous step's gradient at every step after the first.
        case noAliasing = "no-aliasing"
        /// Neither pattern holds throughout (a short run, or a gradient that stopped changing).
        case inconclusive
    }

    /// A verdict that compares fewer steps than this rests on few steps and carries a
    /// `warning`: 20, so that a run which diverged, or was cut, within its first steps (where
    /// Adam's bias correction and the zero initial state still dominate) is not taken as proof.
    public static let minimumComparedSteps = 20

    public let finding: Finding
    public let overlap: GradientOverlap
    /// One sentence for stdout, e.g. "aliasing: the previous gradient equals the current one at
    /// 299 of 299 steps after the first; ξ = 0.5 from step 2; ...".
    public let summary: String
    /// Set when the verdict rests on fewer than `minimumComparedSteps` compared steps.
    public let warning: String?

    public init(_ overlap: GradientOverlap) {
        self.overlap = overlap
        let compared = overlap.comparedSteps
        warning = compared >= Self.minimumComparedSteps ? nil
            : "this verdict rests on \(compared) compared step\(compared == 1 ? "" : "s"), fewer than \(Self.minimumComparedSteps); "
                + "run more steps, or a smaller learning rate if the run diverged"
        if compared > 0 && overlap.overlappingSteps == compared && overlap.shiftedSteps < compared {
            finding = .aliasing
            var sentence = "aliasing: the previous gradient equals the current one at "
                + "\(overlap.overlappingSteps) of \(compared) steps after the first"
            if let step = overlap.halfFrictionFromStep {
                sentence += "; ξ = 0.5 from step \(step); DiffGrad is acting as Adam at half its learning rate"
            }
            summary = sentence
        } else if compared > 0 && overlap.shiftedSteps == compared && overlap.overlappingSteps < compared {
            finding = .noAliasing
            summary = "no aliasing: the previous gradient is the current one shifted by one step "
                + "(\(overlap.shiftedSteps) of \(compared) steps after the first)"
        } else {
            finding = .inconclusive
            summary = "inconclusive: the previous gradient equals the current one at "
                + "\(overlap.overlappingSteps) and the step before's at \(overlap.shiftedSteps) "
                + "of \(compared) steps after the first"
        }
    }
}
