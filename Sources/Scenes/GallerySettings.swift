import Tuning

/// What `trajviz gallery` covers and how; the defaults reproduce jettify's protocol for every
/// 2-D catalog function and every optimizer.
public struct GallerySettings: Sendable {
    /// Catalog function names; empty means every 2-D function of the built-in catalog.
    public var functions: [String]
    /// Optimizer names; empty means every optimizer.
    public var optimizers: [String]
    /// The folder everything is written into.
    public var output: String
    /// Worker threads (default: the number of cores).
    public var jobs: Int
    /// Steps of each final path (default 500, as jettify plots).
    public var steps: Int
    /// Steps of each search evaluation (default: the objective's own, 100 for jettify's, 200 for kozistr's).
    public var searchSteps: Int?
    /// Evaluations of each search (default 200, jettify's).
    public var budget: Int
    public var objective: SearchObjective
    /// The options each search tunes (default lr alone), over the intervals their optimizer declares.
    public var tune: [String]
    /// The gradient clipping of searches and final paths (default 1.0, jettify's).
    public var clipGradNorm: Double?
    /// Show a progress bar on stderr when it is a terminal.
    public var showsProgress: Bool
    /// The kinds of image to make (default: all); the metrics table and index are always written.
    public var figures: Set<GalleryFigure>

    public init(
        functions: [String] = [], optimizers: [String] = [], output: String = "output/gallery", jobs: Int = 2,
        steps: Int = 500, searchSteps: Int? = nil, budget: Int = LearningRateSearch.defaultBudget,
        objective: SearchObjective = .jettify, clipGradNorm: Double? = 1.0, showsProgress: Bool = true,
        figures: Set<GalleryFigure> = Set(GalleryFigure.allCases), tune: [String] = ["lr"]
    ) {
        self.tune = tune
        self.functions = functions
        self.optimizers = optimizers
        self.output = output
        self.jobs = jobs
        self.steps = steps
        self.searchSteps = searchSteps
        self.budget = budget
        self.objective = objective
        self.clipGradNorm = clipGradNorm
        self.showsProgress = showsProgress
        self.figures = figures
    }
}
