/// The map from data values on one axis to pixel positions:
/// `pixel = start + (f(v) - f(lower)) / (f(upper) - f(lower)) * (end - start)`, with `f` the
/// axis scale. For a vertical axis `start` is the bottom pixel and `end` the top one.
public struct AxisTransform: Hashable, Sendable {
    public var scale: AxisScale
    public var lower: Double
    public var upper: Double
    public var start: Double
    public var end: Double
    let scaledLower: Double
    let factor: Double

    public init(scale: AxisScale, lower: Double, upper: Double, start: Double, end: Double) {
        self.scale = scale
        self.lower = lower
        self.upper = upper
        self.start = start
        self.end = end
        scaledLower = scale.forward(lower)
        let span = scale.forward(upper) - scaledLower
        factor = span != 0 && span.isFinite ? (end - start) / span : 0
    }

    /// The pixel position of the data value `v` (NaN when it has none on this scale).
    @inline(__always)
    public func pixel(_ v: Double) -> Double {
        start + (scale.forward(v) - scaledLower) * factor
    }

    /// The data value at pixel position `p`.
    public func value(atPixel p: Double) -> Double {
        factor == 0 ? lower : scale.inverse(scaledLower + (p - start) / factor)
    }
}

/// The pair of axis transforms of a plot area.
public struct PlotTransform: Hashable, Sendable {
    public var x: AxisTransform
    public var y: AxisTransform

    public init(x: AxisTransform, y: AxisTransform) {
        self.x = x
        self.y = y
    }

    /// The pixel position of a data point.
    @inline(__always)
    public func pixel(_ p: Point) -> Point { Point(x.pixel(p.x), y.pixel(p.y)) }
}
