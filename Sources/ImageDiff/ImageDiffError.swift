/// Why an image could not be read, compared or written; `description` is one line for the user:
/// what went wrong, with which file, and how to fix it.
public enum ImageDiffError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read at all (missing, a folder, no permission).
    case unreadable(path: String, reason: String)
    /// The bytes do not start with the PNG signature.
    case notPNG(path: String)
    /// The PNG signature is there but libpng rejected the data (truncated, bad CRC, bad header...).
    case corruptPNG(path: String, reason: String)
    /// The image is larger than `RGBAImage.maximumPixelCount`.
    case tooLarge(path: String, width: Int, height: Int)
    /// BASELINE and ACTUAL are not both files or both folders.
    case kindMismatch(baseline: String, actual: String)
    /// A report, diff image or baseline could not be written.
    case cannotWrite(path: String, reason: String)
    /// A new baseline's path is taken by something that is not a baseline (a file that was not
    /// listed, a folder, a dangling link); it is never written over.
    case occupied(path: String)
    /// libgd could not encode an image, or the JSON report could not be encoded.
    case encodingFailed(what: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            "cannot read \(path): \(reason)"
        case let .notPNG(path):
            "\(path) is not a PNG file (it lacks the PNG signature); give PNG images only"
        case let .corruptPNG(path, reason):
            "\(path) is a damaged PNG (\(reason)); re-create or re-download the file"
        case let .tooLarge(path, width, height):
            "\(path) is \(width)x\(height) pixels, more than the \(RGBAImage.maximumPixelCount / 1_000_000) megapixels that can be compared"
        case let .kindMismatch(baseline, actual):
            "\(baseline) and \(actual) must both be PNG files or both be folders"
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason) (check that the folder is writable and the disk has space)"
        case let .occupied(path):
            "\(path) already exists but is not a baseline that was compared; it was left as it was (move it away, or fix the link, and run again)"
        case let .encodingFailed(what):
            "could not encode \(what)"
        }
    }
}
