import Objectives
import Plotting

/// What a request may ask for: how much work and whether it may read files. The command line
/// takes `commandLine`, the server `server`; both check a request with the same code.
public struct RequestLimits: Sendable {
    /// The most steps a run may take: a run records every point.
    public var maximumSteps: Int
    /// The most optimizers one request runs.
    public var maximumOptimizers: Int
    /// The longest side of an image, in pixels.
    public var maximumSide: Int
    /// The most pixels in an image.
    public var maximumPixels: Int
    /// The highest dimension of an n-dimensional family.
    public var maximumDimension: Int
    /// The longest inline expression, in characters (its nesting is capped by the parser).
    public var maximumExpressionLength: Int
    /// The most coordinates one request's runs may record (optimizers × steps × dimension).
    public var maximumRecordedValues: Int
    /// Whether `--function` may name a definition file and requests may read trajectory files.
    public var readsFiles: Bool

    /// The command line's: files allowed, up to a million steps, 64-megapixel images and
    /// expressions of a million characters.
    public static let commandLine = RequestLimits(
        maximumSteps: 1_000_000, maximumOptimizers: 12, maximumSide: ImageSizeLimit.maxSide, maximumPixels: ImageSizeLimit.maxPixels,
        maximumDimension: FunctionFamily.maximumDimension, maximumExpressionLength: 1_000_000, maximumRecordedValues: .max,
        readsFiles: true)

    /// The server's: no files, and every request small enough to answer in about a second
    /// (12 × 5000 steps, 2000-pixel sides and 4 megapixels, 1000 dimensions, 1000-character
    /// expressions, a million recorded coordinates: 12 × 5000 steps of 1000 dimensions would be
    /// 2.4 GB of JSON).
    public static let server = RequestLimits(
        maximumSteps: 5_000, maximumOptimizers: 12, maximumSide: 2_000, maximumPixels: 4_000_000,
        maximumDimension: 1_000, maximumExpressionLength: 1_000, maximumRecordedValues: 1_000_000, readsFiles: false)

    /// Throws unless `width` x `height` is drawable and within these limits; the messages name `--size`.
    func checkSize(width: Int, height: Int) throws(RequestError) {
        do {
            try ImageSizeLimit.validate(width: width, height: height)
        } catch {
            throw RequestError(error.description)
        }
        guard width <= maximumSide, height <= maximumSide, width * height <= maximumPixels else {
            throw RequestError(
                "--size \(width)x\(height) is larger than this server draws: at most \(maximumSide) pixels a side and \(maximumPixels) pixels in all")
        }
    }

    /// Throws when `runs` runs of `steps` steps in `dimension` variables record more than the limit.
    func checkRecordedValues(runs: Int, steps: Int, dimension: Int) throws(RequestError) {
        let (product, overflow) = runs.multipliedReportingOverflow(by: steps)
        let (values, overflow2) = product.multipliedReportingOverflow(by: dimension)
        guard !overflow, !overflow2, values <= maximumRecordedValues else {
            throw RequestError(
                "\(runs) runs × \(steps) steps × \(dimension) variables are more than the \(maximumRecordedValues) coordinates a request may record here; "
                    + "use fewer steps, optimizers or dimensions")
        }
    }

    /// Throws when a list flag names more optimizers than a request may run.
    func checkOptimizerCount(_ count: Int) throws(RequestError) {
        guard count <= maximumOptimizers else {
            throw RequestError("\(count) --optimizer specs are too many for one request (at most \(maximumOptimizers)); split them")
        }
    }
}
