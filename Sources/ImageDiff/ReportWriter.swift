import Foundation
import _AtomicWrite

/// Where `writeReport` puts each part of a report; nil parts are not written.
public struct ReportDestinations: Sendable, Equatable {
    /// The folder for one diff PNG per failing image, at the image's relative path.
    public var diffFolder: URL?
    /// The self-contained HTML page.
    public var html: URL?
    /// The JSON document (`ReportJSON`'s schema, documented in `docs/check-report.md`).
    public var json: URL?
    /// The JUnit XML document.
    public var junit: URL?
    /// The folder that holds the whole report, when there is one.
    public var reportFolder: URL?

    public init(diffFolder: URL? = nil, html: URL? = nil, json: URL? = nil, junit: URL? = nil, reportFolder: URL? = nil) {
        self.diffFolder = diffFolder
        self.html = html
        self.json = json
        self.junit = junit
        self.reportFolder = reportFolder
    }

    /// Everything in one folder: `diffs/`, `index.html` and `report.json`.
    public static func folder(_ folder: URL) -> ReportDestinations {
        ReportDestinations(
            diffFolder: folder.appendingPathComponent("diffs"), html: folder.appendingPathComponent("index.html"),
            json: folder.appendingPathComponent("report.json"), reportFolder: folder)
    }

    /// The folders that hold written output; each gets `ReportFolderMarker`, so that no later
    /// listing takes its images for baselines or actual images.
    public var outputFolders: [URL] { [reportFolder, diffFolder].compactMap { $0 } }
}

/// The files `writeReport` wrote.
public struct ReportFiles: Sendable {
    public let json: URL?
    public let html: URL?
    public let junit: URL?
    /// The diff PNG of each failing image, by the image's relative path.
    public let diffs: [String: URL]
}

extension CheckReport {
    /// Writes the diff image of every failure that has one, then the JSON, HTML and JUnit
    /// documents, to the places `destinations` names (missing folders are created). Every file is
    /// written atomically.
    ///
    /// - Throws: `ImageDiffError.cannotWrite` when a folder or a file cannot be written.
    @discardableResult
    public func writeReport(_ destinations: ReportDestinations) throws(ImageDiffError) -> ReportFiles {
        for folder in destinations.outputFolders {
            try write(ReportFolderMarker.contents, to: folder.appendingPathComponent(ReportFolderMarker.fileName))
        }
        var diffs: [String: URL] = [:]
        if let diffFolder = destinations.diffFolder {
            for image in images {
                guard let png = image.diffPNG else { continue }
                let file = diffFolder.appendingPathComponent(image.path)
                try write(png, to: file)
                diffs[image.path] = file
            }
        }
        if let json = destinations.json {
            try write(try ReportJSON(report: self, diffs: diffs, relativeTo: json.deletingLastPathComponent()).data(), to: json)
        }
        if let html = destinations.html {
            try write(Data(HTMLReport(report: self).html().utf8), to: html)
        }
        if let junit = destinations.junit {
            try write(Data(JUnitReport(report: self, diffs: diffs, relativeTo: junit.deletingLastPathComponent()).xml().utf8), to: junit)
        }
        return ReportFiles(json: destinations.json, html: destinations.html, junit: destinations.junit, diffs: diffs)
    }

    /// Writes everything into `folder` (`ReportDestinations.folder`).
    @discardableResult
    public func writeReport(to folder: URL) throws(ImageDiffError) -> ReportFiles {
        try writeReport(.folder(folder))
    }
}

private func write(_ data: Data, to file: URL) throws(ImageDiffError) {
    do {
        try writeAtomically(data, to: file)
    } catch {
        throw .cannotWrite(path: file.path, reason: error.reason)
    }
}
