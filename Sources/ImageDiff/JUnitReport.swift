import Foundation

/// The JUnit XML document of a check, in the common schema CI systems read (Windy Road's schema
/// of Apache Ant's JUnit report, `Tests/TrajVizCLITests/Fixtures/junit/JUnit.xsd`): one
/// `testsuite` named "trajviz check" with one `testcase` per image (name: its relative path).
///
/// A passing image, or one whose baseline was recorded, is a bare test case; `fail`, `missing`,
/// `extra` and `size-mismatch` are a `failure` whose `type` is the status and whose `message` is
/// the one-line measurement (mismatched pixels, percent, bounding box, RMS); an unreadable image
/// is an `error`. The failure's text adds the criteria and the diff image's path.
struct JUnitReport {
    let report: CheckReport
    /// The diff images written, by relative image path.
    let diffs: [String: URL]
    /// Diff paths are given relative to this folder (the document's own) when inside it.
    let folder: URL
    /// When the check ran; `timestamp` is written in UTC without a zone, as the schema requires.
    var date = Date()

    init(report: CheckReport, diffs: [String: URL], relativeTo folder: URL) {
        self.report = report
        self.diffs = diffs
        self.folder = folder
    }

    func xml() -> String {
        let failures = report.images.count { !$0.isOK && $0.status != .error && $0.error == nil }
        let errors = report.images.count { $0.error != nil }
        let seconds = report.images.reduce(0) { $0 + $1.seconds }
        let timestamp = ISO8601DateFormatter.string(
            from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate])
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite package="trajviz.check" id="0" name="trajviz check" timestamp="\(timestamp)" hostname="\(escape(hostname))" \
            tests="\(report.images.count)" failures="\(failures)" errors="\(errors)" skipped="0" time="\(format(seconds))">
                <properties>
                  <property name="criteria" value="\(escape(report.criteria.summary))"/>
                  <property name="metric" value="\(report.criteria.metric.rawValue)"/>
                </properties>

            """
        for image in report.images {
            let open = "    <testcase name=\"\(escape(image.path))\" classname=\"trajviz.check\" time=\"\(format(image.seconds))\""
            if let error = image.error {
                xml += open + ">\n      <error type=\"\(image.status.rawValue)\" message=\"\(escape(error.description))\">"
                xml += escape(details(image), inAttribute: false) + "</error>\n    </testcase>\n"
            } else if !image.isOK {
                xml += open + ">\n      <failure type=\"\(image.status.rawValue)\" message=\"\(escape(image.message))\">"
                xml += escape(details(image), inAttribute: false) + "</failure>\n    </testcase>\n"
            } else {
                xml += open + "/>\n"
            }
        }
        xml += """
                <system-out>\(escape(report.summary))</system-out>
                <system-err/>
              </testsuite>
            </testsuites>

            """
        return xml
    }

    /// The failure's text: the measurement, the criteria, and the diff image's path.
    private func details(_ image: ImageCheck) -> String {
        var lines = ["\(image.path): \(image.message)", "criteria: \(report.criteria.summary)"]
        if let diff = diffs[image.path] { lines.append("diff image: \(path(of: diff, relativeTo: folder))") }
        return lines.joined(separator: "\n")
    }

    private var hostname: String {
        let name = ProcessInfo.processInfo.hostName
        return name.isEmpty ? "localhost" : name
    }

    private func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// `text` as XML character data; line breaks stay literal in element text and become
    /// character references in attributes (where a parser would fold them into spaces).
    private func escape(_ text: String, inAttribute: Bool = true) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n": escaped += inAttribute ? "&#10;" : "\n"
            case "\t": escaped += "&#9;"
            // XML 1.0 cannot carry other control characters, even escaped.
            case _ where scalar.value < 0x20: escaped += "?"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
