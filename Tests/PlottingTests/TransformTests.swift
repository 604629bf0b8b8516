import Foundation
import Testing
@testable import Plotting

@Suite struct TransformTests {
    @Test func linearMapsEndsToPixels() {
        let t = AxisTransform(scale: .linear, lower: -2, upper: 2, start: 100, end: 500)
        #expect(t.pixel(-2) == 100 && t.pixel(2) == 500 && t.pixel(0) == 300)
        #expect(t.value(atPixel: 400) == 1)
    }

    @Test func verticalAxesRunUpwards() {
        let t = AxisTransform(scale: .linear, lower: 0, upper: 10, start: 400, end: 0)
        #expect(t.pixel(10) == 0 && t.pixel(0) == 400 && t.pixel(2.5) == 300)
    }

    @Test func logSpacesDecadesEqually() {
        let t = AxisTransform(scale: .log, lower: 1e-3, upper: 1e1, start: 0, end: 400)
        #expect(abs(t.pixel(1e-2) - 100) < 1e-9 && abs(t.pixel(1) - 300) < 1e-9)
        #expect(t.pixel(0).isNaN && t.pixel(-1).isNaN)
    }

    @Test func symlogIsContinuousOddAndInvertible() {
        let s = AxisScale.symlog(linearThreshold: 0.1)
        #expect(s.forward(0.1) == 1 && s.forward(-0.1) == -1 && s.forward(1) == 2)
        for v in [-50.0, -0.1, -0.03, 0, 0.07, 0.1, 3, 1e4] {
            #expect(abs(s.inverse(s.forward(v)) - v) <= 1e-9 * max(1, abs(v)))
            #expect(s.forward(-v) == -s.forward(v))
        }
        #expect(abs(s.forward(0.1 + 1e-9) - s.forward(0.1)) < 1e-6)
    }

    @Test func symlogFittingUsesSmallMagnitudes() {
        #expect(AxisScale.symlog(fitting: [0, 0.05, -3, 20, 400, -0.2, 7, 8, 9, 10]) == .symlog(linearThreshold: 0.01))
    }

    @Test func clippingFindsTheExit() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 10)
        let clipped = clip(polyline: [Point(5, 5), Point(15, 5), Point(15, 8), Point(5, 8)], to: rect)
        #expect(clipped.runs == [[Point(5, 5), Point(10, 5)], [Point(10, 8), Point(5, 8)]])
        #expect(clipped.exits.count == 1 && clipped.exits[0].point == Point(10, 5) && clipped.exits[0].direction == Point(10, 0))
    }
}
