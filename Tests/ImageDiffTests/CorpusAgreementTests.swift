import Foundation
import Testing
@testable import ImageDiff

/// The corpus of Fixtures/corpus, with the results of the reference implementations
/// (pixelmatch 0.4.0 for Python, matplotlib) recorded by Tools/imagediff/make_corpus.py.
struct CorpusCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Run: Decodable, Sendable {
        let threshold: Double
        let includeAA: Bool
        let mismatchedPixels: Int
        let diffImageHash: String
    }
    let name: String
    let baseline: String
    let actual: String
    let baselineSize: [Int]
    let actualSize: [Int]
    let baselineRGBAHash: String
    let actualRGBAHash: String
    let sizeMismatch: Bool?
    let runs: [Run]?
    let diffMaskHash: String?
    let rms: Double?

    var testDescription: String { name }

    static let all: [CorpusCase] = {
        struct Document: Decodable { let cases: [CorpusCase] }
        guard let data = try? Data(contentsOf: Fixtures.corpus.appendingPathComponent("expected.json")),
            let document = try? JSONDecoder().decode(Document.self, from: data)
        else { return [] }
        return document.cases
    }()
}

@Suite struct CorpusAgreementTests {
    @Test func corpusIsThere() {
        #expect(CorpusCase.all.count >= 25)
        #expect(CorpusCase.all.contains { $0.sizeMismatch == true })
    }

    @Test(arguments: CorpusCase.all)
    func decodedPixelsEqualPillows(_ pair: CorpusCase) throws {
        let baseline = try Fixtures.corpusImage(pair.baseline)
        let actual = try Fixtures.corpusImage(pair.actual)
        #expect([baseline.width, baseline.height] == pair.baselineSize)
        #expect([actual.width, actual.height] == pair.actualSize)
        #expect(fnv1a64(baseline.pixels) == pair.baselineRGBAHash)
        #expect(fnv1a64(actual.pixels) == pair.actualRGBAHash)
    }

    @Test(arguments: CorpusCase.all)
    func mismatchCountsAndDiffImagesEqualPixelmatch(_ pair: CorpusCase) throws {
        let baseline = try Fixtures.corpusImage(pair.baseline)
        let actual = try Fixtures.corpusImage(pair.actual)
        if pair.sizeMismatch == true {
            #expect(throws: ImageSizeMismatch.self) { try pixelmatch(baseline: baseline, actual: actual) }
            return
        }
        let runs = try #require(pair.runs)
        #expect(Set(runs.map(\.threshold)) == [0.05, 0.1, 0.3])
        for run in runs {
            let options = PixelmatchOptions(threshold: run.threshold, includeAA: run.includeAA)
            let result = try pixelmatch(baseline: baseline, actual: actual, options: options)
            #expect(result.mismatchedPixels == run.mismatchedPixels, "threshold \(run.threshold), includeAA \(run.includeAA)")
            #expect(fnv1a64(result.diffImage?.pixels ?? []) == run.diffImageHash, "diff image at \(run.threshold), includeAA \(run.includeAA)")
        }
        let mask = try pixelmatch(baseline: baseline, actual: actual, options: PixelmatchOptions(diffMask: true))
        #expect(fnv1a64(mask.diffImage?.pixels ?? []) == pair.diffMaskHash)
    }

    @Test(arguments: CorpusCase.all)
    func rmsEqualsMatplotlib(_ pair: CorpusCase) throws {
        guard let expected = pair.rms else { return }
        let rms = try rootMeanSquareError(baseline: try Fixtures.corpusImage(pair.baseline), actual: try Fixtures.corpusImage(pair.actual))
        #expect(abs(rms - expected) <= 1e-12 * max(1, expected))
    }
}
