import Foundation

/// The result of checking a set of images: one `ImageCheck` per path in either set.
public struct CheckReport: Sendable {
    /// One entry per image, sorted by path.
    public internal(set) var images: [ImageCheck]
    /// The criteria the images were judged by.
    public let criteria: CheckCriteria

    /// How many images have each status.
    public func count(_ status: CheckStatus) -> Int { images.count { $0.status == status } }

    /// True when every image passed or had its baseline recorded.
    public var passed: Bool { images.allSatisfy(\.isOK) }

    /// "12 images: 10 passed, 1 failed, 1 missing", for the terminal.
    public var summary: String {
        var parts = ["\(count(.pass)) passed"]
        for (status, word) in [(CheckStatus.fail, "failed"), (.sizeMismatch, "size mismatch"), (.missing, "missing"), (.extra, "without baseline")] {
            let n = count(status)
            if n > 0 { parts.append("\(n) \(word)") }
        }
        let updated = images.count(where: \.updated)
        if updated > 0 { parts.append("\(updated) baselines recorded") }
        return "\(images.count) image\(images.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }
}

/// Compares every image of `actual` with the image of the same relative path in `baseline`.
///
/// Paths only in `baseline` are `missing`; paths only in `actual` are `extra`. Images are decoded
/// one pair at a time. Byte-identical files pass without inflating their pixels, after a
/// structural check (signature, chunk CRCs up to IEND, header), as identical bytes are identical
/// pixels.
///
/// - Throws: `ImageDiffError` when a file cannot be read or is not a valid PNG.
public func checkImages(baseline: ImageSet, actual: ImageSet, criteria: CheckCriteria = CheckCriteria()) throws(ImageDiffError) -> CheckReport {
    let paths = Set(baseline.paths).union(actual.paths).sorted()
    var images: [ImageCheck] = []
    images.reserveCapacity(paths.count)
    for path in paths {
        let baselineBytes = try baseline.bytes(of: path)
        let actualBytes = try actual.bytes(of: path)
        if let baselineBytes, baselineBytes == actualBytes {
            let source = baseline.location(of: path)?.path ?? path
            images.append(identicalImageCheck(path: path, size: try validatedPNGSize(baselineBytes, source: source)))
            continue
        }
        let baselineImage = try baselineBytes.map { (data: Data) throws(ImageDiffError) in try baseline.decode(data, path: path) }
        let actualImage = try actualBytes.map { (data: Data) throws(ImageDiffError) in try actual.decode(data, path: path) }
        images.append(checkImage(path: path, baseline: baselineImage, actual: actualImage, criteria: criteria))
    }
    return CheckReport(images: images, criteria: criteria)
}
