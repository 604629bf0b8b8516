import Foundation
import Objectives

/// The gallery's `index.html`: every image by function, and the metrics table; no network needed.
struct GalleryIndex {
    let functions: [FunctionDefinition]
    let optimizers: [String]
    let images: [GalleryImage]
    let table: MetricsTable

    var html: String {
        var body = ["<h1>TrajViz gallery</h1>", "<p>\(functions.count) functions × \(optimizers.count) optimizers, each with a tuned learning rate. <a href=\"metrics.md\">metrics.md</a> · <a href=\"metrics.csv\">metrics.csv</a> · <a href=\"metrics.json\">metrics.json</a></p>", "<nav>"]
        body += functions.map { "<a href=\"#\(OutputName.slug($0.name))\">\(escape($0.title))</a>" }
        body.append("</nav>")
        for function in functions {
            body.append("<section id=\"\(OutputName.slug(function.name))\"><h2>\(escape(function.title))</h2><p><code>\(escape(function.expression))</code></p>")
            let mine = images.filter { $0.function == function.name }
            let large = mine.filter { !$0.path.hasPrefix("maps/") }
            let maps = mine.filter { $0.path.hasPrefix("maps/") }
            body += large.map { "<figure class=\"wide\"><a href=\"\($0.path)\"><img src=\"\($0.path)\" loading=\"lazy\" alt=\"\(escape($0.caption))\"></a><figcaption>\(escape($0.caption))</figcaption></figure>" }
            body.append("<div class=\"grid\">")
            body += maps.map { "<figure><a href=\"\($0.path)\"><img src=\"\($0.path)\" loading=\"lazy\" alt=\"\(escape($0.caption))\"></a><figcaption>\(escape($0.caption))</figcaption></figure>" }
            body.append("</div>")
            body.append(tableHTML(rows: table.rows.filter { $0.function == function.name }))
            body.append("</section>")
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>TrajViz gallery</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1400px;padding:0 1em;color:#222}
            nav a{margin-right:1em} figure{margin:0 0 1em} figure.wide img{max-width:100%}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1em}
            .grid img{width:100%} figcaption{font-size:.85em;color:#555}
            table{border-collapse:collapse;font-size:.85em;margin:1em 0} td,th{border:1px solid #ccc;padding:.2em .5em;text-align:right}
            td:first-child,td:nth-child(2){text-align:left}
            </style></head><body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    private func tableHTML(rows: [MetricsTable.Row]) -> String {
        let lines = table.markdown.split(separator: "\n").dropFirst(2).filter { line in rows.contains { line.hasPrefix("| \($0.function) | \($0.optimizer) |") } }
        let header = "<tr>" + MetricsTable.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
        let body = lines.map { line in
            "<tr>" + line.split(separator: "|").map { "<td>\(escape($0.trimmingCharacters(in: .whitespaces)))</td>" }.joined() + "</tr>"
        }
        return "<table>\(header)\(body.joined())</table>"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
