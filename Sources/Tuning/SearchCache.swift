import Foundation
import _AtomicWrite

/// What a cached search found: enough to draw the final path and fill the metrics table
/// without searching again.
public struct CachedSearchResult: Codable, Sendable, Equatable {
    /// The key's `canonicalText`, kept so that a digest collision is noticed, never served.
    public var key: String
    /// The best learning rate, or `nil` when every evaluation failed.
    public var learningRate: Double?
    /// The best spec, every tuned option set (`sgd(lr=0.02, momentum=0.87)`); `nil` when every
    /// evaluation failed, or in entries written before several options could be tuned.
    public var spec: String?
    /// The best objective, or `nil` when every evaluation failed.
    public var objective: Double?
    public var evaluations: Int
    public var failures: Int

    public init(key: SearchCacheKey, result: LearningRateSearchResult) {
        self.key = key.canonicalText
        learningRate = result.learningRate
        objective = result.objective
        evaluations = result.evaluations.count
        failures = result.failures
    }

    public init(key: SearchCacheKey, result: OptionSearchResult) {
        self.key = key.canonicalText
        spec = result.best?.description
        learningRate = result.best?.value(of: .lr)
        objective = result.objective
        evaluations = result.evaluations.count
        failures = result.evaluations.count { $0.objective == nil }
    }
}

/// A JSON file of search results keyed by `SearchCacheKey.digest`:
/// `{"format": 1, "entries": {"<digest>": {"key": ..., "learningRate": ..., ...}}}`.
///
/// Loading never fails: a missing file is an empty cache, and an unreadable or corrupt one is an
/// empty cache with a `warning` for the user (the next `save()` replaces it). Saving writes the
/// whole file atomically, with sorted keys, so the bytes depend only on the entries. The value is
/// not shared between threads by itself: record results from one place, or guard it.
public struct SearchCache: Sendable {
    /// The version of the file layout; a file of another version is ignored with a warning.
    public static let format = 1

    public let url: URL
    public private(set) var entries: [String: CachedSearchResult]
    /// Why the file on disk could not be used, when it could not; one line.
    public let warning: String?

    /// An empty cache that will be saved to `url`.
    public init(url: URL) {
        self.url = url
        entries = [:]
        warning = nil
    }

    /// The cache stored at `url`; see the type's notes for missing and corrupt files.
    public static func load(from url: URL) -> SearchCache {
        guard FileManager.default.fileExists(atPath: url.path) else { return SearchCache(url: url) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return SearchCache(url: url, warning: "cannot read the learning-rate cache \(url.path) (\(error.localizedDescription)); searching again, and it will be rewritten")
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            guard file.format == format else {
                return SearchCache(url: url, warning: "the learning-rate cache \(url.path) has format \(file.format), not \(format); searching again, and it will be rewritten")
            }
            var cache = SearchCache(url: url)
            cache.entries = file.entries
            return cache
        } catch {
            return SearchCache(url: url, warning: "the learning-rate cache \(url.path) is corrupt (not the JSON this version writes); ignoring it: searching again, and it will be rewritten")
        }
    }

    private init(url: URL, warning: String) {
        self.url = url
        entries = [:]
        self.warning = warning
    }

    /// The cached result for `key`, or `nil` when there is none.
    public func result(for key: SearchCacheKey) -> CachedSearchResult? {
        guard let entry = entries[key.digest], entry.key == key.canonicalText else { return nil }
        return entry
    }

    /// Records what a search found for `key`, replacing any earlier result.
    public mutating func record(_ result: LearningRateSearchResult, for key: SearchCacheKey) {
        entries[key.digest] = CachedSearchResult(key: key, result: result)
    }

    /// Records a search over several options under `key`.
    public mutating func record(_ result: OptionSearchResult, for key: SearchCacheKey) {
        entries[key.digest] = CachedSearchResult(key: key, result: result)
    }

    /// Writes every entry to `url`, atomically.
    public func save() throws(TuningError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(File(format: Self.format, entries: entries))
        } catch {
            throw TuningError("cannot encode the learning-rate cache for \(url.path): \(error)")
        }
        do {
            try writeAtomically(data, to: url)
        } catch {
            throw TuningError("\(error.description)")
        }
    }

    private struct File: Codable {
        var format: Int
        var entries: [String: CachedSearchResult]
    }
}
