import Foundation

/// The self-contained `index.html` of a report: a summary, a table of every image, and for
/// every image that did not pass, baseline, actual and diff side by side, with a slider over
/// baseline and actual stacked (left of the split the baseline, right of it the actual) when
/// both exist with one size. Images are embedded as base64 `data:` URIs, the slider is a range
/// input and a few lines of inline script, and the page references nothing outside itself, so
/// it works offline and as a single CI artifact.
struct HTMLReport {
    let report: CheckReport

    func html() -> String {
        let attention = report.images.filter { !$0.isOK || $0.updated }
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>trajviz check: \(escape(report.summary))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header class="\(report.passed ? "ok" : "bad")">
            <h1>\(headline)</h1>
            <p>\(escape(report.summary)). Criteria: \(escape(report.criteria.summary)) (metric: \(report.criteria.metric.rawValue)).</p>
            </header>
            <main>
            <table>
            <thead><tr><th>image</th><th>status</th><th>mismatched pixels</th><th>%</th><th>RMS</th><th>note</th></tr></thead>
            <tbody>

            """
        for image in report.images {
            let anchor = image.isOK && !image.updated ? escape(image.path) : "<a href=\"#\(anchorID(image.path))\">\(escape(image.path))</a>"
            page += "<tr><td>\(anchor)</td><td><span class=\"badge \(image.status.rawValue)\">\(image.status.rawValue)</span>"
            page += image.updated ? " <span class=\"badge updated\">recorded</span>" : ""
            page += "</td><td class=\"num\">\(image.mismatchedPixels.map(String.init) ?? "–")</td>"
            page += "<td class=\"num\">\(image.mismatchPercent.map { String(format: "%.4f", $0) } ?? "–")</td>"
            page += "<td class=\"num\">\(image.rms.map { String(format: "%.3f", $0) } ?? "–")</td>"
            page += "<td>\(escape(image.status == .pass ? "" : image.message))</td></tr>\n"
        }
        page += "</tbody>\n</table>\n"
        for image in attention {
            page += "<section id=\"\(anchorID(image.path))\">\n<h2>\(escape(image.path)) <span class=\"badge \(image.status.rawValue)\">\(image.status.rawValue)</span></h2>\n"
            page += "<p>\(escape(image.message))\(image.updated ? " — the actual image was recorded as the new baseline." : "")</p>\n"
            page += "<input type=\"checkbox\" class=\"zoom\" id=\"zoom-\(anchorID(image.path))\"><label for=\"zoom-\(anchorID(image.path))\">one per row, at full size</label>\n"
            page += "<div class=\"panels\">\n"
            page += figure("baseline", image.baselinePNG, size: image.baselineSize)
            page += figure("actual", image.actualPNG, size: image.actualSize)
            if let diff = image.diffPNG {
                page += figure("diff (red: different, yellow: anti-aliasing)", diff, size: image.baselineSize)
            }
            page += "</div>\n"
            page += swipe(image)
            page += "</section>\n"
        }
        page += "</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return page
    }

    /// Baseline and actual stacked at full size, the actual clipped to the right of a split that
    /// the slider moves (starting at the middle); nil unless both exist with the same size.
    private func swipe(_ image: ImageCheck) -> String {
        guard let baseline = image.baselinePNG, let actual = image.actualPNG, let size = image.baselineSize,
            let actualSize = image.actualSize, size == actualSize
        else { return "" }
        let dimensions = "width=\"\(size.width)\" height=\"\(size.height)\""
        return """
            <div class="swipe" style="--split:50%">
            <div class="stack"><img alt="baseline" \(dimensions) src="data:image/png;base64,\(baseline.base64EncodedString())">\
            <img alt="actual" class="over" \(dimensions) src="data:image/png;base64,\(actual.base64EncodedString())"><div class="split"></div></div>
            <label>baseline ◀ <input type="range" min="0" max="100" value="50" step="1" aria-label="split between baseline and actual"> ▶ actual</label>
            </div>

            """
    }

    /// Moves each slider's split as its range input changes.
    static let script = """
        for(const s of document.querySelectorAll('.swipe')){const r=s.querySelector('input');\
        r.addEventListener('input',()=>s.style.setProperty('--split',r.value+'%'));}
        """

    /// "All images pass", "1 of 1 image needs attention", "3 of 12 images need attention".
    private var headline: String {
        let failing = report.images.count { !$0.isOK }
        if failing == 0 { return "All images pass" }
        return "\(failing) of \(report.images.count) image\(report.images.count == 1 ? "" : "s") need\(failing == 1 ? "s" : "") attention"
    }

    private func figure(_ caption: String, _ png: Data?, size: (width: Int, height: Int)?) -> String {
        guard let png else {
            return "<figure class=\"absent\"><div>no \(caption) image</div><figcaption>\(caption)</figcaption></figure>\n"
        }
        // Small images are enlarged by a whole factor (up to 8x) with sharp pixels, so single-pixel
        // differences stay visible; large ones shrink to the column unless shown at full size.
        let zoom = size.map { max(1, min(8, 320 / max($0.width, 1))) } ?? 1
        let dimensions = size.map { " width=\"\($0.width * zoom)\" height=\"\($0.height * zoom)\"" } ?? ""
        let sizeNote = size.map { " · \($0.width)×\($0.height)\(zoom > 1 ? ", shown at \(zoom)x" : "")" } ?? ""
        return "<figure><img alt=\"\(caption)\"\(zoom > 1 ? " class=\"enlarged\"" : "")\(dimensions) src=\"data:image/png;base64,\(png.base64EncodedString())\"><figcaption>\(caption)\(sizeNote)</figcaption></figure>\n"
    }

    private func anchorID(_ path: String) -> String {
        "image-" + String(path.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" })
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
        header{padding:18px 28px;color:#fff}header.ok{background:#1b7f3b}header.bad{background:#b3261e}
        header h1{margin:0 0 4px;font-size:22px}header p{margin:0;opacity:.92}
        main{padding:20px 28px}
        table{border-collapse:collapse;background:#fff;margin-bottom:28px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
        th,td{padding:6px 12px;border-bottom:1px solid #e6e6e6;text-align:left}th{background:#f0f0f0;font-weight:600}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
        .pass{background:#1b7f3b}.fail{background:#b3261e}.missing{background:#7b1fa2}.extra{background:#9a6700}
        .size-mismatch{background:#c2410c}.updated{background:#1f5fbf}
        section{background:#fff;padding:14px 18px;margin-bottom:24px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
        section h2{font-size:17px;margin:0 0 4px;word-break:break-all}
        .panels{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:14px}
        th{white-space:nowrap}.badge{white-space:nowrap}
        .zoom{margin:0 6px 10px 0}label{font-size:13px;color:#444;cursor:pointer}
        .zoom:checked~.panels{grid-template-columns:minmax(0,1fr)}
        figure{margin:0}figure img{max-width:100%;height:auto;border:1px solid #ccc;
        background:repeating-conic-gradient(#e8e8e8 0 25%,#fff 0 50%) 0 0/16px 16px}
        img.enlarged{image-rendering:pixelated}
        figcaption{font-size:13px;color:#555;margin-top:4px}
        figure.absent div{border:1px dashed #bbb;color:#888;padding:40px 8px;text-align:center}
        .swipe{display:inline-flex;flex-direction:column;max-width:100%;margin-top:14px}
        .stack{position:relative;line-height:0}
        .stack img{max-width:100%;height:auto;border:1px solid #ccc}
        .stack img.over{position:absolute;left:0;top:0;clip-path:inset(0 0 0 var(--split))}
        .split{position:absolute;top:0;bottom:0;left:var(--split);width:2px;margin-left:-1px;background:#1f5fbf}
        .swipe label{display:flex;align-items:center;gap:6px;margin-top:4px}.swipe input{flex:1;min-width:120px}
        """
}
