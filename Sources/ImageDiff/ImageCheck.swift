import Foundation

/// The outcome for one image.
public enum CheckStatus: String, Sendable, Codable, CaseIterable {
    /// Both images exist and meet the criteria.
    case pass
    /// Both images exist, with the same size, and differ beyond the criteria.
    case fail
    /// The baseline exists but the actual image does not.
    case missing
    /// The actual image exists but has no baseline yet (record it with `--update missing`).
    case extra
    /// Both exist with different sizes.
    case sizeMismatch = "size-mismatch"
    /// One of the files could not be read or is not a PNG (`error` says which and why); the
    /// other images are still compared.
    case error
}

/// The comparison of one image, by relative path, with its measurements.
public struct ImageCheck: Sendable {
    /// The path relative to the compared folders (the file name when two files are compared).
    public let path: String
    public let status: CheckStatus
    /// pixelmatch's count (nil unless both images exist with the same size).
    public let mismatchedPixels: Int?
    /// Differences skipped as anti-aliasing (nil as above).
    public let antiAliasedPixels: Int?
    /// `mismatchedPixels` in percent of the image's pixels.
    public let mismatchPercent: Double?
    /// matplotlib's RMS difference (nil as above).
    public let rms: Double?
    /// The smallest rectangle holding every mismatched pixel (nil as above, or when none mismatch).
    public let mismatchBounds: PixelBounds?
    public let baselineSize: (width: Int, height: Int)?
    public let actualSize: (width: Int, height: Int)?
    /// The PNG files' bytes, kept for images that did not pass (for the report and for recording).
    public let baselinePNG: Data?
    public let actualPNG: Data?
    /// pixelmatch's diff image as PNG, for failures when diff images were asked for.
    public let diffPNG: Data?
    /// Why the image could not be compared (status `error`), or why recording its baseline failed.
    public internal(set) var error: ImageDiffError?
    /// The seconds spent reading, decoding and comparing this image.
    public internal(set) var seconds: Double = 0
    /// Set when `--update` recorded the actual image as the new baseline.
    public internal(set) var updated: Bool = false

    /// One line for the terminal: status, counts and RMS, or why no comparison was possible.
    public var message: String {
        switch status {
        case .missing:
            return "no actual image (the baseline exists)"
        case .extra:
            return "no baseline (record it with --update missing)"
        case .sizeMismatch:
            guard let baselineSize, let actualSize else { return "size mismatch" }
            return "baseline \(baselineSize.width)x\(baselineSize.height), actual \(actualSize.width)x\(actualSize.height)"
        case .error:
            return error?.description ?? "could not be compared"
        case .pass, .fail:
            let count = mismatchedPixels ?? 0
            let percent = String(format: "%.4f", mismatchPercent ?? 0)
            let aa = (antiAliasedPixels ?? 0) > 0 ? ", \(antiAliasedPixels ?? 0) anti-aliasing skipped" : ""
            let box = mismatchBounds.map { " in \($0)" } ?? ""
            return "\(count) mismatched pixels (\(percent)%)\(box)\(aa), RMS \(String(format: "%.4f", rms ?? 0))"
        }
    }

    /// Whether the image counts as passing: it passed, or its baseline was just recorded.
    public var isOK: Bool { status == .pass || updated }

    /// The check of an image that could not be read or decoded.
    static func failed(path: String, _ error: ImageDiffError) -> ImageCheck {
        ImageCheck(
            path: path, status: .error, mismatchedPixels: nil, antiAliasedPixels: nil, mismatchPercent: nil, rms: nil, mismatchBounds: nil,
            baselineSize: nil, actualSize: nil, baselinePNG: nil, actualPNG: nil, diffPNG: nil, error: error)
    }
}

/// The check of two byte-identical files: they pass with no difference, whatever the criteria.
func identicalImageCheck(path: String, size: (width: Int, height: Int)) -> ImageCheck {
    ImageCheck(
        path: path, status: .pass, mismatchedPixels: 0, antiAliasedPixels: 0, mismatchPercent: 0, rms: 0, mismatchBounds: nil,
        baselineSize: size, actualSize: size, baselinePNG: nil, actualPNG: nil, diffPNG: nil)
}

/// Compares one image pair under `criteria`; either side may be absent.
///
/// Both metrics are measured; the diff image is drawn (a second pass) and encoded only for
/// failures, and only when `makeDiffImage`.
public func checkImage(
    path: String, baseline: DecodedPNG?, actual: DecodedPNG?, criteria: CheckCriteria, makeDiffImage: Bool = true
) -> ImageCheck {
    let baselineSize = baseline.map { (width: $0.image.width, height: $0.image.height) }
    let actualSize = actual.map { (width: $0.image.width, height: $0.image.height) }
    func unmeasured(_ status: CheckStatus) -> ImageCheck {
        ImageCheck(
            path: path, status: status, mismatchedPixels: nil, antiAliasedPixels: nil, mismatchPercent: nil, rms: nil, mismatchBounds: nil,
            baselineSize: baselineSize, actualSize: actualSize, baselinePNG: baseline?.data, actualPNG: actual?.data, diffPNG: nil)
    }
    guard let baseline else { return unmeasured(actual == nil ? .missing : .extra) }
    guard let actual else { return unmeasured(.missing) }
    guard let counted = try? pixelmatch(baseline: baseline.image, actual: actual.image, options: criteria.pixelmatch, makeDiffImage: false),
        let rms = try? rootMeanSquareError(baseline: baseline.image, actual: actual.image)
    else { return unmeasured(.sizeMismatch) }
    let pixelCount = baseline.image.width * baseline.image.height
    let passes = criteria.passes(mismatchedPixels: counted.mismatchedPixels, pixelCount: pixelCount, rms: rms)
    let diffImage = passes || !makeDiffImage
        ? nil : (try? pixelmatch(baseline: baseline.image, actual: actual.image, options: criteria.pixelmatch))?.diffImage
    return ImageCheck(
        path: path, status: passes ? .pass : .fail, mismatchedPixels: counted.mismatchedPixels,
        antiAliasedPixels: counted.antiAliasedPixels, mismatchPercent: mismatchPercent(counted.mismatchedPixels, of: pixelCount), rms: rms,
        mismatchBounds: counted.mismatchBounds, baselineSize: baselineSize, actualSize: actualSize, baselinePNG: passes ? nil : baseline.data,
        actualPNG: passes ? nil : actual.data, diffPNG: try? diffImage?.pngData())
}
