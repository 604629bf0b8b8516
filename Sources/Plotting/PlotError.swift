/// A problem with what was asked to be plotted; `description` is a one-line message saying what
/// is wrong and how to fix it.
public struct PlotError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// The largest image the renderers accept: 16384 pixels on a side and 64 megapixels in all.
public enum ImageSizeLimit {
    public static let maxSide = 16384
    public static let maxPixels = 64 * 1024 * 1024

    /// Throws a clear error unless `width` x `height` is a drawable size.
    public static func validate(width: Int, height: Int) throws(PlotError) {
        guard width > 0, height > 0 else {
            throw PlotError("image size \(width)x\(height) is empty: give a width and height of at least 1 pixel, e.g. --size 1000x1000")
        }
        guard width <= maxSide, height <= maxSide else {
            throw PlotError("image size \(width)x\(height) is too large: each side must be at most \(maxSide) pixels")
        }
        guard width * height <= maxPixels else {
            throw PlotError("image size \(width)x\(height) is \(width * height) pixels: at most \(maxPixels) (64 megapixels) are allowed")
        }
    }
}
