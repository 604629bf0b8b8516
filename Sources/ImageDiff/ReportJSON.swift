import Foundation

/// The JSON document of a check, the one schema of both `report.json` and `trajviz check
/// --format json`, documented field by field in `docs/check-report.md`:
/// `{"summary": {...}, "criteria": {...}, "images": [...]}`, keys sorted, `null` for what was
/// not measured.
struct ReportJSON: Encodable {
    struct Summary: Encodable {
        let total, passed, failed, missing, extra, sizeMismatch, errors, updated: Int
        let ok: Bool
    }
    struct Criteria: Encodable {
        let metric: String
        let threshold: Double
        let includeAA: Bool
        let maxDiffPixels: Int?
        let maxDiffPercent: Double?
        let rmsTolerance: Double

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(metric, forKey: .metric)
            try container.encode(threshold, forKey: .threshold)
            try container.encode(includeAA, forKey: .includeAA)
            try container.encode(maxDiffPixels, forKey: .maxDiffPixels)
            try container.encode(maxDiffPercent, forKey: .maxDiffPercent)
            try container.encode(rmsTolerance, forKey: .rmsTolerance)
        }
        enum CodingKeys: CodingKey { case metric, threshold, includeAA, maxDiffPixels, maxDiffPercent, rmsTolerance }
    }
    struct Image: Encodable {
        let path: String
        let status: CheckStatus
        let mismatchedPixels: Int?
        let mismatchPercent: Double?
        let mismatchBounds: PixelBounds?
        let antiAliasedPixels: Int?
        let rms: Double?
        let baselineSize: [Int]?
        let actualSize: [Int]?
        let updated: Bool
        let message: String
        let error: String?
        let seconds: Double
        let diff: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(status, forKey: .status)
            try container.encode(mismatchedPixels, forKey: .mismatchedPixels)
            try container.encode(mismatchPercent, forKey: .mismatchPercent)
            try container.encode(mismatchBounds, forKey: .mismatchBounds)
            try container.encode(antiAliasedPixels, forKey: .antiAliasedPixels)
            try container.encode(rms, forKey: .rms)
            try container.encode(baselineSize, forKey: .baselineSize)
            try container.encode(actualSize, forKey: .actualSize)
            try container.encode(updated, forKey: .updated)
            try container.encode(message, forKey: .message)
            try container.encode(error, forKey: .error)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(diff, forKey: .diff)
        }
        enum CodingKeys: CodingKey {
            case path, status, mismatchedPixels, mismatchPercent, mismatchBounds, antiAliasedPixels, rms, baselineSize, actualSize, updated
            case message, error, seconds, diff
        }
    }

    let summary: Summary
    let criteria: Criteria
    let images: [Image]

    /// The document of `report`; `diffs` are the diff images written, given in `diff` relative to
    /// `folder` (the document's own folder) when inside it, else as absolute paths.
    init(report: CheckReport, diffs: [String: URL], relativeTo folder: URL) {
        summary = Summary(
            total: report.images.count, passed: report.count(.pass), failed: report.count(.fail), missing: report.count(.missing),
            extra: report.count(.extra), sizeMismatch: report.count(.sizeMismatch), errors: report.errors.count,
            updated: report.images.count(where: \.updated), ok: report.passed)
        let c = report.criteria
        criteria = Criteria(
            metric: c.metric.rawValue, threshold: c.pixelmatch.threshold, includeAA: c.pixelmatch.includeAA,
            maxDiffPixels: c.maxDiffPercent == nil ? (c.maxDiffPixels ?? 0) : nil, maxDiffPercent: c.maxDiffPercent,
            rmsTolerance: c.rmsTolerance)
        images = report.images.map { image in
            Image(
                path: image.path, status: image.status, mismatchedPixels: image.mismatchedPixels, mismatchPercent: image.mismatchPercent,
                mismatchBounds: image.mismatchBounds, antiAliasedPixels: image.antiAliasedPixels, rms: image.rms,
                baselineSize: image.baselineSize.map { [$0.width, $0.height] }, actualSize: image.actualSize.map { [$0.width, $0.height] },
                updated: image.updated, message: image.message, error: image.error?.description, seconds: image.seconds,
                diff: diffs[image.path].map { ImageDiff.path(of: $0, relativeTo: folder) })
        }
    }

    func data() throws(ImageDiffError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw .encodingFailed(what: "the JSON report (\(error))")
        }
    }
}

extension CheckReport {
    /// The JSON document (`ReportJSON`) of this report, with diff paths relative to `folder` —
    /// what `trajviz check --format json` prints, with `folder` the working directory.
    public func jsonDocument(diffs: [String: URL], relativeTo folder: URL) throws(ImageDiffError) -> Data {
        try ReportJSON(report: self, diffs: diffs, relativeTo: folder).data()
    }
}
