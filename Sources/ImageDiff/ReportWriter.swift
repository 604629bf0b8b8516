import Foundation
import _AtomicWrite

/// The files `writeReport(to:)` wrote.
public struct ReportFiles: Sendable {
    /// `report.json`.
    public let json: URL
    /// `index.html`, self-contained.
    public let html: URL
    /// One diff PNG per failing image, under `diffs/` with the image's relative path.
    public let diffs: [URL]
}

extension CheckReport {
    /// Writes the report into `folder` (created if needed): the diff image of every failure as
    /// `diffs/<path>`, `report.json` and a self-contained `index.html`. Every file is written
    /// atomically.
    ///
    /// - Throws: `ImageDiffError.cannotWrite` when the folder or a file cannot be written.
    @discardableResult
    public func writeReport(to folder: URL) throws(ImageDiffError) -> ReportFiles {
        var diffPNGs: [String: Data] = [:]
        var diffPaths: [String: String] = [:]
        var diffFiles: [URL] = []
        for image in images {
            guard let diff = image.diffImage else { continue }
            let png = try diff.pngData()
            let relative = "diffs/" + image.path
            let file = folder.appendingPathComponent(relative)
            try write(png, to: file)
            diffPNGs[image.path] = png
            diffPaths[image.path] = relative
            diffFiles.append(file)
        }
        let json = folder.appendingPathComponent("report.json")
        try write(try ReportJSON(report: self, diffPaths: diffPaths).data(), to: json)
        let html = folder.appendingPathComponent("index.html")
        try write(Data(HTMLReport(report: self, diffPNGs: diffPNGs).html().utf8), to: html)
        return ReportFiles(json: json, html: html, diffs: diffFiles)
    }
}

private func write(_ data: Data, to file: URL) throws(ImageDiffError) {
    do {
        try writeAtomically(data, to: file)
    } catch {
        throw .cannotWrite(path: file.path, reason: error.reason)
    }
}
