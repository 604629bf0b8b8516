/// The colorbar's geometry: the bar, its ticks (at pixel y) and its texts.
public struct ColorbarLayout: Sendable {
    public var bar: Rect
    public var transform: AxisTransform
    /// The ticks; their annotation, if any, sits above the bar.
    public var ticks: AxisTicks
    public var texts: [PlacedText]

    /// The right edge of the bar and its texts.
    var right: Double { texts.map(\.box.maxX).max() ?? bar.maxX }

    /// The bar's width: 1.2 ems.
    static func barWidth(_ style: FigureStyle) -> Double { style.fontSize * 1.2 }

    /// The ticks of a bar about `height` pixels tall: 3 to 9, one per 2.4 lines.
    static func ticks(of colorbar: Colorbar, height: Double, style: FigureStyle, measurer: TextMeasuring) -> AxisTicks {
        let levels = colorbar.scale.levels
        let lineHeight = measurer.measure("Ag", style: style.tickStyle).height
        return Ticks.forScale(levels.scale, lower: levels.values[0], upper: levels.values[levels.values.count - 1], maxCount: max(3, min(9, Int(height / (lineHeight * 2.4)))))
    }

    /// The room the colorbar takes on the right of the figure: gap, bar, ticks, labels, label.
    static func width(of colorbar: Colorbar, ticks: AxisTicks, style: FigureStyle, measurer: TextMeasuring) -> Double {
        let f = style.fontSize
        let labelWidth = ticks.map { measurer.measure($0.label, style: style.tickStyle).width }.max() ?? 0
        var width = f * 1.1 + barWidth(style) + style.tickLength + f * 0.3 + labelWidth
        if let label = colorbar.label { width += f * 0.5 + measurer.measure(label, style: style.axisLabelStyle).height }
        if let annotation = ticks.annotation { width = max(width, f * 1.1 + measurer.measure(annotation, style: style.tickStyle).width) }
        return width
    }

    /// Where the first colorbar starts: beside the plots, and clear of the texts level with them
    /// (the title of a lower row's plot that an equal aspect made narrow reaches further right
    /// than the plot).
    static func left(beside panels: [PanelLayout], content: Rect, style: FigureStyle) -> Double {
        let f = style.fontSize
        let top = panels.map(\.plot.minY).min() ?? content.minY
        let bottom = panels.map(\.plot.maxY).max() ?? content.maxY
        let plotsRight = (panels.map(\.plot.maxX).max() ?? content.maxX) + f * 1.1
        let level = panels.flatMap(\.texts).map(\.box).filter { $0.maxY > top && $0.minY < bottom }
        return max(plotsRight, (level.map(\.maxX).max() ?? 0) + f * 0.5)
    }

    /// The colorbar as tall as the plots, its bar starting at `x`.
    static func place(_ colorbar: Colorbar, ticks: AxisTicks, x: Double, beside panels: [PanelLayout], content: Rect, style: FigureStyle, measurer: TextMeasuring) -> ColorbarLayout {
        let f = style.fontSize, tickStyle = style.tickStyle
        let top = panels.map(\.plot.minY).min() ?? content.minY
        let bottom = panels.map(\.plot.maxY).max() ?? content.maxY
        let bar = Rect(x: x, y: top, width: barWidth(style), height: bottom - top)
        let levels = colorbar.scale.levels
        let transform = AxisTransform(scale: levels.scale, lower: levels.values[0], upper: levels.values[levels.values.count - 1], start: bar.maxY, end: bar.minY)
        var texts: [PlacedText] = []
        var labelRight = bar.maxX
        for tick in ticks {
            let p = Point(bar.maxX + style.tickLength + f * 0.3, transform.pixel(tick.value))
            let placed = PlacedText(tick.label, at: p, style: tickStyle, horizontal: .left, vertical: .middle, extent: measurer.measure(tick.label, style: tickStyle))
            labelRight = max(labelRight, placed.box.maxX)
            texts.append(placed)
        }
        if let label = colorbar.label {
            let p = Point(labelRight + f * 0.5, bar.center.y)
            texts.append(PlacedText(label, at: p, style: style.axisLabelStyle, horizontal: .center, vertical: .top, rotation: 90, extent: measurer.measure(label, style: style.axisLabelStyle)))
        }
        if let annotation = ticks.annotation {
            texts.append(PlacedText(annotation, at: Point(bar.minX, bar.minY - f * 0.3), style: tickStyle, horizontal: .left, vertical: .bottom, extent: measurer.measure(annotation, style: tickStyle)))
        }
        return ColorbarLayout(bar: bar, transform: transform, ticks: ticks, texts: texts)
    }
}
