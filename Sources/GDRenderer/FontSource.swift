import CGD
import Foundation

/// The TrueType fonts text is drawn with: DejaVu Sans (regular and bold), found at a fixed
/// path, through `TRAJVIZ_FONT` / `TRAJVIZ_BOLD_FONT`, or by name through fontconfig. Without
/// any, text falls back to libgd's built-in bitmap font after a one-line warning on stderr.
public struct FontSource: Sendable {
    /// The font list (a path, or a fontconfig pattern) handed to `gdImageStringFT`.
    public let regular: String?
    public let bold: String?

    /// The fonts found on this machine (looked up once per process).
    public static let shared: FontSource = locate()

    static let searchFolders = [
        "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/truetype",
        "/usr/local/share/fonts", "/usr/share/fonts/dejavu-sans-fonts", "/opt/homebrew/share/fonts", "/Library/Fonts",
    ]

    static func locate() -> FontSource {
        _ = fontCacheReady
        let environment = ProcessInfo.processInfo.environment
        func find(_ file: String, override: String) -> String? {
            if let path = environment[override], FileManager.default.isReadableFile(atPath: path) { return path }
            return searchFolders.map { "\($0)/\(file)" }.first { FileManager.default.isReadableFile(atPath: $0) }
        }
        var regular = find("DejaVuSans.ttf", override: "TRAJVIZ_FONT")
        var bold = find("DejaVuSans-Bold.ttf", override: "TRAJVIZ_BOLD_FONT")
        if regular == nil, gdFTUseFontConfig(1) != 0, works("DejaVu Sans") {
            regular = "DejaVu Sans"
            bold = works("DejaVu Sans:bold") ? "DejaVu Sans:bold" : nil
        }
        if regular == nil {
            FileHandle.standardError.write(Data("warning: DejaVu Sans not found (install fonts-dejavu-core or set TRAJVIZ_FONT=/path/to/font.ttf); text uses libgd's built-in bitmap font\n".utf8))
        }
        return FontSource(regular: regular, bold: bold ?? regular)
    }

    static func works(_ font: String) -> Bool {
        var box = [Int32](repeating: 0, count: 8)
        return font.withCString { name in
            "Ag".withCString { text in
                gdImageStringFT(nil, &box, 0, UnsafeMutablePointer(mutating: name), 12, 0, 0, 0, UnsafeMutablePointer(mutating: text)) == nil
            }
        }
    }
}

/// libgd's FreeType cache, set up once before any thread draws text (Swift initialises globals
/// exactly once, thread-safely).
let fontCacheReady: Bool = gdFontCacheSetup() == 0
