import Foundation

/// The `report.json` document: `{"summary": {...}, "criteria": {...}, "images": [...]}`.
///
/// Each image has `path` (relative), `status` (`pass`, `fail`, `missing`, `extra`,
/// `size-mismatch`), `mismatchedPixels`, `mismatchPercent`, `antiAliasedPixels` and `rms` (null
/// when not measured), `baselineSize` and `actualSize` (`[width, height]` or null), `updated`,
/// `message`, and `diff` (the diff image's path relative to the report folder, or null).
struct ReportJSON: Encodable {
    struct Summary: Encodable {
        let total, passed, failed, missing, extra, sizeMismatch, updated: Int
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
        let antiAliasedPixels: Int?
        let rms: Double?
        let baselineSize: [Int]?
        let actualSize: [Int]?
        let updated: Bool
        let message: String
        let diff: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(status, forKey: .status)
            try container.encode(mismatchedPixels, forKey: .mismatchedPixels)
            try container.encode(mismatchPercent, forKey: .mismatchPercent)
            try container.encode(antiAliasedPixels, forKey: .antiAliasedPixels)
            try container.encode(rms, forKey: .rms)
            try container.encode(baselineSize, forKey: .baselineSize)
            try container.encode(actualSize, forKey: .actualSize)
            try container.encode(updated, forKey: .updated)
            try container.encode(message, forKey: .message)
            try container.encode(diff, forKey: .diff)
        }
        enum CodingKeys: CodingKey {
            case path, status, mismatchedPixels, mismatchPercent, antiAliasedPixels, rms, baselineSize, actualSize, updated, message, diff
        }
    }

    let summary: Summary
    let criteria: Criteria
    let images: [Image]

    init(report: CheckReport, diffPaths: [String: String]) {
        summary = Summary(
            total: report.images.count, passed: report.count(.pass), failed: report.count(.fail), missing: report.count(.missing),
            extra: report.count(.extra), sizeMismatch: report.count(.sizeMismatch), updated: report.images.count(where: \.updated),
            ok: report.passed)
        let c = report.criteria
        criteria = Criteria(
            metric: c.metric.rawValue, threshold: c.pixelmatch.threshold, includeAA: c.pixelmatch.includeAA,
            maxDiffPixels: c.maxDiffPercent == nil ? (c.maxDiffPixels ?? 0) : nil, maxDiffPercent: c.maxDiffPercent,
            rmsTolerance: c.rmsTolerance)
        images = report.images.map { image in
            Image(
                path: image.path, status: image.status, mismatchedPixels: image.mismatchedPixels, mismatchPercent: image.mismatchPercent,
                antiAliasedPixels: image.antiAliasedPixels, rms: image.rms, baselineSize: image.baselineSize.map { [$0.width, $0.height] },
                actualSize: image.actualSize.map { [$0.width, $0.height] }, updated: image.updated, message: image.message,
                diff: diffPaths[image.path])
        }
    }

    func data() throws(ImageDiffError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self) + Data("\n".utf8)
        } catch {
            throw .encodingFailed(what: "report.json (\(error))")
        }
    }
}
