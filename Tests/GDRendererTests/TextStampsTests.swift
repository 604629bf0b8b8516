import Foundation
import Plotting
import Testing
@testable import GDRenderer

@Suite struct TextStampsTests {
    /// Texts no other test draws, at 0° and 90°, opaque and translucent, one partly clipped.
    func draw(on canvas: GDCanvas) {
        canvas.fill(rect: Rect(x: 0, y: 0, width: 420, height: 300), color: Color(hex: 0x88CC44))
        canvas.fill(rect: Rect(x: 200, y: 0, width: 220, height: 120), color: Color(hex: 0x202060, alpha: 140))
        canvas.clip(to: Rect(x: 0, y: 0, width: 330, height: 300))
        canvas.text("stamp check: Rosenbrock 10⁻³ ξ≈0.5 fffi AVAW Tyj", at: Point(30, 60), style: TextStyle(size: 17), horizontal: .left, vertical: .baseline, rotation: 0)
        canvas.text("stamp check: f(x, y) upright", at: Point(310, 250), style: TextStyle(size: 15, color: Color(hex: 0x3366AA, alpha: 160)), horizontal: .left, vertical: .middle, rotation: 90)
        canvas.clip(to: nil)
        canvas.text("stamp check: bold title", at: Point(210, 150), style: TextStyle(size: 20, bold: true), horizontal: .center, vertical: .top, rotation: 0)
    }

    @Test func replayedTextHasExactlyLibgdsPixels() throws {
        // First drawing: libgd; second: recorded on scratch images and replayed; third: replayed.
        var renders: [[Color]] = []
        for _ in 0..<3 {
            let canvas = try GDCanvas(width: 420, height: 300)
            draw(on: canvas)
            renders.append(canvas.image.pixels())
        }
        #expect(renders[1] == renders[0])
        #expect(renders[2] == renders[0])
        let stamped = TextStamps.entries.withLock { entries in
            entries.filter { key, entry in
                guard key.contains("stamp check"), case .stamp = entry else { return false }
                return true
            }.count
        }
        #expect(stamped >= 2, "the texts were replayed, not only drawn by libgd")
    }

    @Test func textNearTheEdgeIsLeftToLibgd() throws {
        for _ in 0..<3 {
            let canvas = try GDCanvas(width: 200, height: 100)
            canvas.text("stamp edge check", at: Point(2, 12), style: TextStyle(size: 14), horizontal: .left, vertical: .baseline, rotation: 0)
        }
        let entries = TextStamps.entries.withLock { entries in entries.filter { $0.key.contains("stamp edge check") } }
        #expect(entries.isEmpty, "a box reaching outside the canvas is never recorded")
    }
}
