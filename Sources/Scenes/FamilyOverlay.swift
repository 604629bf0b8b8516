import Optimizers

/// One of the gallery's family overlays: per function, the optimizers tagged with a family (in
/// the order the gallery runs them), with the optimizers named in `alongside` for comparison.
struct FamilyOverlay: Sendable {
    /// The file-name part, e.g. `adam-family`.
    let slug: String
    let family: OptimizerFamily
    /// Spec names drawn beside the family's members.
    let alongside: [String]
    /// What the title says after the function's name.
    let subject: String

    static let all = [
        FamilyOverlay(slug: "adam-family", family: .adam, alongside: [], subject: "the Adam family"),
        FamilyOverlay(slug: "diffgrad-family", family: .diffGrad, alongside: ["adam"], subject: "the DiffGrad family against Adam"),
    ]

    /// Whether the overlay draws `spec`'s run.
    func includes(_ spec: OptimizerSpec) -> Bool {
        spec.definition.families.contains(family) || alongside.contains(spec.name)
    }
}
