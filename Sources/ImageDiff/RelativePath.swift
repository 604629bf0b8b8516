import Foundation

/// `file` relative to `folder` when it lies inside it, else its absolute path.
func path(of file: URL, relativeTo folder: URL) -> String {
    let base = folder.standardizedFileURL.path
    let prefix = base.hasSuffix("/") ? base : base + "/"
    let path = file.standardizedFileURL.path
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
}
