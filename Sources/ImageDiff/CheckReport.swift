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
        let others: [(CheckStatus, String)] = [
            (.fail, "failed"), (.sizeMismatch, "size mismatch"), (.missing, "missing"), (.extra, "without baseline"), (.error, "unreadable"),
        ]
        for (status, word) in others {
            let n = count(status)
            if n > 0 { parts.append("\(n) \(word)") }
        }
        let updated = images.count(where: \.updated)
        if updated > 0 { parts.append("\(updated) baselines recorded") }
        return "\(images.count) image\(images.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    /// The images that could not be read or compared, or whose baseline could not be recorded.
    public var errors: [ImageDiffError] { images.compactMap(\.error) }
}

/// Compares every image of `actual` with the image of the same relative path in `baseline`, the
/// pairs spread over every core (`DispatchQueue.concurrentPerform`), each pair read and decoded
/// by the worker that compares it.
///
/// Paths only in `baseline` are `missing`; paths only in `actual` are `extra`. A file that
/// cannot be read or is not a valid PNG gives that path the status `error` with the reason; the
/// other pairs are compared as usual. Byte-identical files pass without inflating their pixels,
/// after a structural check (signature, chunk CRCs up to IEND, header), as identical bytes are
/// identical pixels. Diff images are drawn for failures only when `makeDiffImages`.
public func checkImages(
    baseline: ImageSet, actual: ImageSet, criteria: CheckCriteria = CheckCriteria(), makeDiffImages: Bool = true
) -> CheckReport {
    let paths = Set(baseline.paths).union(actual.paths).sorted()
    let results = ResultSlots<ImageCheck>(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
        let start = DispatchTime.now().uptimeNanoseconds
        var image = checkPair(paths[index], baseline: baseline, actual: actual, criteria: criteria, makeDiffImage: makeDiffImages)
        image.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        results[index] = image
    }
    return CheckReport(images: results.values, criteria: criteria)
}

private func checkPair(
    _ path: String, baseline: ImageSet, actual: ImageSet, criteria: CheckCriteria, makeDiffImage: Bool
) -> ImageCheck {
    do throws(ImageDiffError) {
        let baselineBytes = try baseline.bytes(of: path)
        let actualBytes = try actual.bytes(of: path)
        if let baselineBytes, baselineBytes == actualBytes {
            let source = baseline.location(of: path)?.path ?? path
            return identicalImageCheck(path: path, size: try validatedPNGSize(baselineBytes, source: source))
        }
        let baselineImage = try baselineBytes.map { (data: Data) throws(ImageDiffError) in try baseline.decode(data, path: path) }
        let actualImage = try actualBytes.map { (data: Data) throws(ImageDiffError) in try actual.decode(data, path: path) }
        return checkImage(path: path, baseline: baselineImage, actual: actualImage, criteria: criteria, makeDiffImage: makeDiffImage)
    } catch {
        return .failed(path: path, error)
    }
}

/// One slot per result, filled by concurrent workers, each slot by exactly one worker.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// Every slot's value, in order; call once every worker has finished.
    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}
