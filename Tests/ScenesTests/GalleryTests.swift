import Foundation
import Testing
@testable import Scenes
import Tuning

@Suite(.serialized) struct GalleryTests {
    private func run(jobs: Int, into folder: URL, figures: Set<GalleryFigure> = Set(GalleryFigure.allCases)) throws -> GalleryResult {
        let settings = GallerySettings(
            functions: ["booth"], optimizers: ["adam", "diffgrad"], output: folder.path, jobs: jobs, steps: 60, searchSteps: 30,
            budget: 12, showsProgress: false, figures: figures)
        return try Gallery(settings: settings).run()
    }

    private func files(in folder: URL) throws -> [String: Data] {
        let paths = FileManager.default.subpaths(atPath: folder.path) ?? []
        var contents: [String: Data] = [:]
        for path in paths where !path.hasSuffix("lr-cache.json") {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if !isFolder.boolValue { contents[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return contents
    }

    @Test func sameBytesWhateverTheJobsAndACachedRerun() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-gallery-\(UUID().uuidString)")
        let one = base.appendingPathComponent("one"), two = base.appendingPathComponent("two")
        let first = try run(jobs: 1, into: one)
        _ = try run(jobs: 2, into: two)
        let a = try files(in: one), b = try files(in: two)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.contains("index.html") && a.keys.contains("metrics.md") && a.keys.contains("maps/booth/adam.png"))
        for (path, data) in a { #expect(b[path] == data, "\(path) differs between --jobs 1 and 2") }
        #expect(!a.keys.contains { $0.hasSuffix(".tmp") })
        #expect(first.entries.count == 2)
        #expect(first.entries.allSatisfy { $0.search?.evaluations == 12 })

        let cache = try Data(contentsOf: one.appendingPathComponent("lr-cache.json"))
        _ = try run(jobs: 2, into: one)
        #expect(try Data(contentsOf: one.appendingPathComponent("lr-cache.json")) == cache, "a rerun reuses the cache")
    }

    /// The path drawn is the one the search scored: its point after the search's 30 steps is
    /// exactly the best objective, which the lr rounded for the legend would not give. The
    /// metrics give the exact spec; the legend, the rounded one.
    @Test func mapsRunTheExactLearningRateTheSearchFound() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-gallery-\(UUID().uuidString)")
        let result = try run(jobs: 1, into: folder, figures: [.maps])
        let csv = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        for entry in result.entries {
            let tuned = try #require(entry.search?.learningRate)
            #expect(entry.spec.value(of: .lr) == tuned)
            #expect(squaredDistanceToNearest(entry.run.points[30], of: entry.function.minima) == entry.search?.objective)
            #expect(roundedToSignificantDigits(tuned) != tuned, "a tuned lr with more than three digits, so the test can tell")
            #expect(entry.label == "\(entry.spec.name)(lr≈\(roundedToSignificantDigits(tuned)))")
            #expect(csv.contains("\"\(entry.spec.description)\",\(tuned),"))
        }
    }

    /// Several options and another objective: the spec carries every tuned value, and the maps'
    /// titles and metrics.csv say which objective, budget and options tuned each path.
    @Test func theObjectiveBudgetAndOptionsThatTunedAPathAreShown() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-gallery-\(UUID().uuidString)")
        let settings = GallerySettings(
            functions: ["rosenbrock"], optimizers: ["sgd", "adam"], output: folder.path, jobs: 1, steps: 60, budget: 24,
            objective: .kozistr, showsProgress: false, figures: [.maps], tune: ["lr", "momentum"])
        let result = try Gallery(settings: settings).run()
        let csv = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        let sgd = try #require(result.entries.first { $0.spec.name == "sgd" })
        let adam = try #require(result.entries.first { $0.spec.name == "adam" })
        #expect(sgd.spec.givenValue(of: .momentum) != nil && sgd.spec.givenValue(of: .lr) != nil)
        #expect(sgd.tuning == GalleryTuning(objective: .kozistr, budget: 24, options: ["lr", "momentum"]))
        #expect(adam.tuning?.options == ["lr"], "adam has no momentum: it tunes lr alone")
        #expect(sgd.title == "sgd on Rosenbrock, tuned lr, momentum by kozistr, 24 evaluations")
        #expect(csv.hasPrefix("function,optimizer,spec,") && csv.contains(",tune_objective,tune_budget,tuned_options\n"))
        #expect(csv.contains(",kozistr,24,\"lr,momentum\"\n") && csv.contains(",kozistr,24,\"lr\"\n"))
        #expect(sgd.search?.evaluations ?? 0 <= 24)
    }

    @Test func figuresPickTheKindsOfImage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trajviz-gallery-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let everything = try run(jobs: 1, into: folder).images
        #expect(Set(everything.map { $0.split(separator: "/")[0] }) == ["maps", "overlays", "curves", "diagnostics"])
        for kind in GalleryFigure.allCases {
            let images = try run(jobs: 1, into: folder, figures: [kind]).images
            #expect(!images.isEmpty && images.allSatisfy { $0.hasPrefix(kind.rawValue + "/") }, "\(kind): \(images)")
            #expect(images == everything.filter { $0.hasPrefix(kind.rawValue + "/") })
        }
        #expect(throws: SceneError.self) { try GalleryFigure.parseList(["maps", "map"]) }
    }
}
