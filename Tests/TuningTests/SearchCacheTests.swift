import Foundation
import Testing
@testable import Tuning

@Suite struct SearchCacheTests {
    func key(
        expression: String = "(1-x)^2 + 100*(y-x^2)^2", optimizer: String = "adam", budget: Int = 200,
        clip: Double? = 1, start: [Double] = [-2, 2]
    ) throws -> SearchCacheKey {
        SearchCacheKey(
            expression: expression, minima: [[1, 1]], domain: try SearchDomain(x: -2...2, y: -1...3), optimizer: optimizer,
            bounds: LearningRateBounds.defaults(forOptimizer: "adam"), objective: .jettify,
            search: try LearningRateSearch(budget: budget), steps: 100, start: start, clipGradNorm: clip,
            zeroGrad: "none", toolVersion: "0.1.0")
    }

    func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("trajviz-tuning-tests-\(UUID().uuidString)")
            .appendingPathComponent("lr-cache.json")
    }

    let result = LearningRateSearchResult(evaluations: [
        .init(learningRate: 0.1, objective: 2), .init(learningRate: 0.2, objective: nil),
        .init(learningRate: 0.3, objective: 0.5),
    ])

    @Test func theDigestIsStableAndChangesWithEveryField() throws {
        let base = try key()
        #expect(base.digest == (try key()).digest)
        #expect(base.digest.count == 16)
        let variants = [
            try key(expression: "(1-x)^2 + 90*(y-x^2)^2"), try key(optimizer: "adam(amsgrad=true)"),
            try key(budget: 100), try key(clip: nil), try key(start: [-2, 2.5]),
        ]
        var others = variants
        var changed = base
        changed.steps = 500
        others.append(changed)
        changed = base
        changed.zeroGrad = "inplace"
        others.append(changed)
        changed = base
        changed.toolVersion = "0.2.0"
        others.append(changed)
        changed = base
        changed.objective = .kozistr
        others.append(changed)
        changed = base
        changed.objective = .stepsTo(tolerance: 0.01)
        others.append(changed)
        changed = base
        changed.tuned = ["lr", "momentum"]
        others.append(changed)
        changed = base
        changed.minima = [[1, 1], [0, 0]]
        others.append(changed)
        changed = base
        changed.domain = nil
        others.append(changed)
        changed = base
        changed.bounds = try LearningRateBounds(logLower: -8, logUpper: 0.4)
        others.append(changed)
        changed = base
        changed.search = try LearningRateSearch(budget: 200, seed: 1)
        others.append(changed)
        let digests = Set(others.map(\.digest))
        #expect(digests.count == others.count)
        #expect(!digests.contains(base.digest))
    }

    @Test func theCanonicalTextNamesTheSearchAlgorithmVersion() throws {
        // A new algorithm may find other learning rates with the same budget and seed, so its
        // version is part of the key and old cached results are not reused.
        let lines = try key().canonicalText.components(separatedBy: "\n")
        #expect(lines.contains("searchAlgorithm=\(LearningRateSearch.algorithmVersion)"))
    }

    @Test func theDigestIsFNV1aOfTheCanonicalText() throws {
        let base = try key()
        #expect(base.canonicalText.hasPrefix("expression=\"(1-x)^2 + 100*(y-x^2)^2\"\nminima=[[1.0,1.0]]\n"))
        // FNV-1a 64 of the empty string and of "a", the published test vectors, by the same rule.
        func fnv(_ text: String) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return hash
        }
        #expect(fnv("") == 0xcbf2_9ce4_8422_2325)
        #expect(fnv("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(base.digest == String(fnv(base.canonicalText), radix: 16).leftPadded(to: 16))
    }

    @Test func quotesCannotForgeAnotherKey() throws {
        let plain = try key(optimizer: "adam\"\nbounds=x")
        let other = try key(optimizer: "adam")
        #expect(plain.canonicalText != other.canonicalText)
        #expect(plain.canonicalText.components(separatedBy: "\n").count == other.canonicalText.components(separatedBy: "\n").count)
    }

    @Test func aResultSurvivesTheRoundTrip() throws {
        let url = temporaryFile()
        var cache = SearchCache.load(from: url)
        #expect(cache.warning == nil)
        #expect(cache.entries.isEmpty)
        let adam = try key()
        cache.record(result, for: adam)
        try cache.save()

        let reloaded = SearchCache.load(from: url)
        #expect(reloaded.warning == nil)
        let entry = try #require(reloaded.result(for: adam))
        #expect(entry.learningRate == 0.3)
        #expect(entry.objective == 0.5)
        #expect(entry.evaluations == 3)
        #expect(entry.failures == 1)
        #expect(reloaded.result(for: try key(optimizer: "sgd")) == nil)
    }

    @Test func savingTheSameEntriesWritesTheSameBytes() throws {
        let first = temporaryFile()
        let second = temporaryFile()
        var a = SearchCache(url: first)
        var b = SearchCache(url: second)
        a.record(result, for: try key(optimizer: "adam"))
        a.record(result, for: try key(optimizer: "sgd"))
        b.record(result, for: try key(optimizer: "sgd"))
        b.record(result, for: try key(optimizer: "adam"))
        try a.save()
        try b.save()
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test func aCorruptFileIsAnEmptyCacheWithAWarning() throws {
        let url = temporaryFile()
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        for junk in ["{\"format\": 1, \"entries\": {\"ab", "not json", "{\"format\": 99, \"entries\": {}}", "[]"] {
            try Data(junk.utf8).write(to: url)
            var cache = SearchCache.load(from: url)
            #expect(cache.entries.isEmpty)
            let warning = try #require(cache.warning)
            #expect(warning.contains(url.path))
            #expect(warning.contains("rewritten"))
            cache.record(result, for: try key())
            try cache.save()
            #expect(SearchCache.load(from: url).result(for: try key()) != nil)
        }
    }

    @Test func aDigestCollisionIsAMiss() throws {
        let adam = try key()
        var cache = SearchCache(url: temporaryFile())
        cache.record(result, for: adam)
        try cache.save()
        // Rewrite the stored key text, as another key with the same digest would have it.
        var text = try String(contentsOf: cache.url, encoding: .utf8)
        text = text.replacingOccurrences(of: "adam", with: "adamx")
        try Data(text.utf8).write(to: cache.url)
        #expect(SearchCache.load(from: cache.url).result(for: adam) == nil)
    }

    @Test func anUnwritableLocationIsAClearError() throws {
        let blocker = temporaryFile()
        try FileManager.default.createDirectory(at: blocker.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("file".utf8).write(to: blocker)
        var cache = SearchCache(url: blocker.appendingPathComponent("inside-a-file.json"))
        cache.record(result, for: try key())
        let error = #expect(throws: TuningError.self) { try cache.save() }
        #expect(error?.description.contains("inside-a-file.json") == true)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
