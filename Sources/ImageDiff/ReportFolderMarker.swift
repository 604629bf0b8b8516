import Foundation

/// The hidden file that marks a folder written by `trajviz check` (a report or a folder of diff
/// images), so that a later listing of a baseline or actual folder that contains it never takes
/// its images for baselines or actual images.
enum ReportFolderMarker {
    static let fileName = ".trajviz-check-output"

    static func isMarked(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(fileName).path)
    }

    static let contents = Data("Written by trajviz check: diff images and reports, never baselines.\n".utf8)
}
