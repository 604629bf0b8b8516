import Foundation
import Testing
@testable import ImageDiff

@Suite struct ReportWriterTests {
    @Test func reportJSONHasOneEntryPerImage() throws {
        let (report, _) = try CheckFolders().check()
        let folder = try Fixtures.temporaryFolder().appendingPathComponent("report")
        let files = try report.writeReport(to: folder)
        let jsonFile = try #require(files.json)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: jsonFile)) as? [String: Any])
        let images = try #require(json["images"] as? [[String: Any]])
        #expect(images.count == 6)
        let fail = try #require(images.first { $0["path"] as? String == "sub/fail.png" })
        #expect(fail["status"] as? String == "fail")
        #expect(fail["mismatchedPixels"] as? Int == 205)
        #expect((fail["mismatchPercent"] as? Double).map { abs($0 - 205.0 / 3072 * 100) < 1e-9 } == true)
        #expect((fail["rms"] as? Double).map { abs($0 - 51.566937940328266) < 1e-9 } == true)
        #expect(fail["diff"] as? String == "diffs/sub/fail.png")
        let missing = try #require(images.first { $0["path"] as? String == "gone.png" })
        #expect(missing["status"] as? String == "missing")
        #expect(missing["mismatchedPixels"] is NSNull && missing["rms"] is NSNull)
        #expect(images.first { $0["path"] as? String == "size.png" }?["status"] as? String == "size-mismatch")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["total"] as? Int == 6 && summary["failed"] as? Int == 1 && summary["ok"] as? Bool == false)
        #expect(files.diffs.keys.sorted() == ["sub/fail.png"])
        let diff = try Data(contentsOf: #require(files.diffs["sub/fail.png"]))
        #expect(diff == report.images.first { $0.path == "sub/fail.png" }?.diffPNG)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".trajviz-check-output").path))
    }

    @Test func theHTMLPageIsSelfContained() throws {
        let (report, _) = try CheckFolders().check()
        let files = try report.writeReport(to: try Fixtures.temporaryFolder())
        let html = try String(contentsOf: #require(files.html), encoding: .utf8)
        #expect(!html.lowercased().contains("http:") && !html.lowercased().contains("https:"))
        #expect(!html.contains("src=\"/") && !html.contains("url("))
        #expect(html.contains("sub/fail.png") && html.contains("baseline 32x32, actual 32x33"))
        // baseline, actual and diff of the failure; baseline and actual of the size mismatch;
        // the baseline of the missing image and the actual of the new one.
        // The failure's slider stacks its baseline and actual once more.
        let embedded: Int = html.components(separatedBy: "src=\"data:image/png;base64,").count - 1
        #expect(embedded == 3 + 2 + 1 + 1 + 2)
        #expect(html.components(separatedBy: "<input type=\"range\"").count - 1 == 1)
    }

    @Test func anUnwritableReportFolderIsAClearError() throws {
        let (report, _) = try CheckFolders().check()
        let file = try Fixtures.temporaryFolder().appendingPathComponent("a-file")
        try Data().write(to: file)
        let error = #expect(throws: ImageDiffError.self) { try report.writeReport(to: file.appendingPathComponent("report")) }
        guard case let .cannotWrite(path, _)? = error else {
            Issue.record("expected cannotWrite, got \(String(describing: error))")
            return
        }
        #expect(path.hasPrefix(file.path))
    }
}
