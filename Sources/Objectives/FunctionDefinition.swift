/// A test function as the tools use it: what to call it, how to draw it, where to start,
/// where its minima are, and the objective that evaluates it.
public struct FunctionDefinition: Sendable {
    /// Catalog name (`rosenbrock`), family name with its dimension (`rosenbrock-n`), or the
    /// text of an inline expression.
    public var name: String
    /// A human title for figures, e.g. `Rosenbrock`.
    public var title: String
    /// One or two sentences on what makes the function interesting, if given.
    public var description: String?
    /// The formula: the expression text, or for an n-dimensional family its formula in words.
    public var expression: String
    /// The plotting domain; nil when the caller should fit one (inline expressions,
    /// n-dimensional families).
    public var domain: Domain?
    /// The known global minima (each of `dimension` coordinates); empty when there is none
    /// (the saddle) or none is known.
    public var minima: [[Double]]
    /// The default start point, of `dimension` coordinates.
    public var start: [Double]
    /// How contour levels are spaced.
    public var levelScale: LevelScale
    /// Where the definition came from.
    public var origin: Origin
    /// Evaluates f and its exact gradient.
    public var objective: any Objective

    /// The number of variables.
    public var dimension: Int { objective.dimension }

    /// f at the first known minimum, or nil when no minimum is known.
    public var minimumValue: Double? { minima.first.map { objective.value(at: $0) } }

    public init(
        name: String, title: String, description: String? = nil, expression: String,
        domain: Domain?, minima: [[Double]], start: [Double], levelScale: LevelScale,
        origin: Origin, objective: any Objective
    ) {
        self.name = name
        self.title = title
        self.description = description
        self.expression = expression
        self.domain = domain
        self.minima = minima
        self.start = start
        self.levelScale = levelScale
        self.origin = origin
        self.objective = objective
    }

    /// Where a definition came from.
    public enum Origin: Sendable, Equatable {
        /// The catalog built into the binary; the file name it was embedded from.
        case builtIn(fileName: String)
        /// A definition file on disk (given by path or found in a search folder).
        case file(path: String)
        /// An expression given inline.
        case inline
        /// An n-dimensional family.
        case family
    }
}

/// A rectangle of the plane, x ∈ [x.lowerBound, x.upperBound] and likewise y.
public struct Domain: Sendable, Equatable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    /// Whether the first two coordinates of `point` lie in the rectangle (edges included).
    public func contains(_ point: [Double]) -> Bool {
        point.count >= 2 && x.contains(point[0]) && y.contains(point[1])
    }
}

/// How contour levels are spaced: `log` for functions with steep walls around a flat valley
/// (Rosenbrock, Beale), `linear` otherwise (and for functions that go negative).
public enum LevelScale: String, Sendable, CaseIterable {
    case log, linear
}
