import Foundation

/// Panel titles sized to fit their panels, one size for all panels of a figure: the largest
/// from the title size down to the tick size at which every title fits on one line; if some
/// do not fit even at the tick size, those are broken at the space that leaves the narrower
/// longest line (a gallery title `adamax(lr=0.481)  loss 0.0828` becomes its spec over its
/// loss), and every panel reserves two lines so that the plots stay aligned. A line still wider
/// than the panel (a long expression without spaces) is cut short with "…".
struct PanelTitles {
    /// The style every title is drawn in.
    let style: TextStyle
    /// Each panel's title lines, top first (empty without a title).
    let lines: [[String]]
    /// The lines reserved above every panel: 1, or 2 when a title was broken.
    let lineCount: Int

    static func fit(
        _ titles: [String?], width: Double, largest: Double, smallest: Double, measure: (String, TextStyle) -> TextExtent
    ) -> PanelTitles {
        let present = titles.compactMap { $0 }
        var size = largest
        while size > smallest, present.contains(where: { measure($0, TextStyle(size: size)).width > width }) {
            size = max(smallest, size - 0.5)
        }
        let style = TextStyle(size: size)
        var broken = false
        let lines = titles.map { title -> [String] in
            guard let title else { return [] }
            guard measure(title, style).width > width else { return [title] }
            broken = true
            return twoLines(title, style: style, measure: measure).map { line in
                LegendText.abbreviated(line, width: width) { measure($0, style).width }
            }
        }
        return PanelTitles(style: style, lines: lines, lineCount: broken ? 2 : 1)
    }

    /// `title` split at the space that minimises the wider line's width.
    private static func twoLines(_ title: String, style: TextStyle, measure: (String, TextStyle) -> TextExtent) -> [String] {
        var best: [String] = [title]
        var bestWidth = Double.infinity
        for index in title.indices where title[index] == " " {
            let first = title[..<index].trimmingCharacters(in: .whitespaces)
            let second = title[title.index(after: index)...].trimmingCharacters(in: .whitespaces)
            guard !first.isEmpty, !second.isEmpty else { continue }
            let widest = max(measure(first, style).width, measure(second, style).width)
            if widest < bestWidth {
                bestWidth = widest
                best = [first, second]
            }
        }
        return best
    }
}
