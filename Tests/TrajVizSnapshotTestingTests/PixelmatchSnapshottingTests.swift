import Foundation
import GDRenderer
import ImageDiff
import Plotting
import SnapshotTesting
import Testing
@testable import TrajVizSnapshotTesting

/// A 40×30 picture with a gradient, a disc and a line (anti-aliasing included).
private func picture(changed: Bool = false) throws -> RGBAImage {
    var image = RGBAImage(width: 40, height: 30, red: 255, green: 255, blue: 255)
    for y in 0..<30 {
        for x in 0..<40 {
            let inDisc = (x - 20) * (x - 20) + (y - 15) * (y - 15) < 64
            image[x, y] = inDisc ? (30, 80, 200, 255) : (UInt8(x * 6), UInt8(y * 8), 120, 255)
        }
    }
    if changed {
        for y in 4...5 { for x in 5...7 { image[x, y] = (0, 0, 0, 255) } }
    }
    return image
}

/// The same pixels through libgd at zlib level `level`.
private func gdPNG(_ image: RGBAImage, level: Int) throws -> Data {
    let png = try image.pngData()
    return try GDImage(pngData: png).pngData(compression: level)
}

private func difference(_ strategy: Snapshotting<Data, Data>, _ reference: Data, _ actual: Data) -> String? {
    strategy.diffing.diffV2(reference, actual)?.0
}

@Suite struct PixelmatchSnapshottingTests {
    @Test func theSamePixelsInOtherBytesPass() throws {
        let image = try picture()
        let encodings = [try gdPNG(image, level: 0), try gdPNG(image, level: 9), HandEncodedPNG.encode(image), try image.pngData()]
        #expect(Set(encodings).count == encodings.count, "the encodings must differ in bytes")
        for reference in encodings {
            #expect(try DecodedPNG(data: reference, source: "r").image == image)
            for actual in encodings {
                #expect(difference(.pixelmatch(), reference, actual) == nil)
                #expect(difference(.rms(tolerance: 0), reference, actual) == nil)
            }
        }
    }

    @Test func aChangedImageFailsWithTheCountTheBoxAndTheDiffImage() throws {
        let reference = HandEncodedPNG.encode(try picture())
        let actual = try picture(changed: true).pngData()
        let message = try #require(difference(.pixelmatch(), reference, actual))
        #expect(message.contains("6 of 1200 pixels differ (0.5000%)"))
        #expect(message.contains("within x 5...7, y 4...5 (3×2 px)"))
        let line = try #require(message.split(separator: "\n").first { $0.hasPrefix("Diff image") })
        let path = try #require(line.split(separator: ": ").last.map(String.init))
        #expect(path.hasSuffix(".diff.png"))
        #expect(path.contains("/PixelmatchSnapshottingTests/aChangedImageFailsWithTheCountTheBoxAndTheDiffImage."))
        let diff = try DecodedPNG(contentsOf: URL(fileURLWithPath: path)).image
        #expect(diff[5, 4] == (255, 0, 0, 255))
        #expect(diff[30, 20] != (255, 0, 0, 255))
    }

    @Test func theToleranceDecides() throws {
        let reference = try picture().pngData()
        let actual = try picture(changed: true).pngData()
        #expect(difference(.pixelmatch(maxDiffPercent: 0.5), reference, actual) == nil)
        #expect(difference(.pixelmatch(maxDiffPercent: 0.49), reference, actual) != nil)
        // Six pixels changed by up to (233, 197, 120) of 1200: RMS a few units.
        let rms = try rootMeanSquareError(baseline: try picture(), actual: try picture(changed: true))
        #expect(difference(.rms(tolerance: rms), reference, actual) == nil)
        #expect(difference(.rms(tolerance: rms * 0.99), reference, actual)?.contains("RMS \(String(format: "%.4f", rms))") == true)
        // A stricter threshold sees a faint change that the default skips.
        var faint = try picture()
        faint[30, 25] = (faint[30, 25].red &+ 12, faint[30, 25].green, faint[30, 25].blue, 255)
        #expect(difference(.pixelmatch(), reference, try faint.pngData()) == nil)
        #expect(difference(.pixelmatch(threshold: 0.01), reference, try faint.pngData()) != nil)
    }

    @Test func otherSizesAndNonPNGsFailWithAReason() throws {
        let reference = try picture().pngData()
        let wider = try RGBAImage(width: 41, height: 30, red: 1, green: 2, blue: 3).pngData()
        #expect(difference(.pixelmatch(), reference, wider)?.contains("size changed (baseline 40x30, actual 41x30)") == true)
        let text = Data("could not render the figure: too small".utf8)
        let message = difference(.pixelmatch(), reference, text)
        #expect(message?.contains("is not a PNG file") == true)
        #expect(message?.contains("could not render the figure: too small") == true)
    }

    @Test func aFigureIsRenderedAndCompared() throws {
        let chart = { (ys: [Double]) in
            try LineChart(title: "loss", xLabel: "step", yLabel: "loss", series: [Series(label: "adam", ys: ys, style: .solid(PathPalette.color(0)))])
                .figure(width: 320, height: 240)
        }
        let figure = try chart([4, 3, 2.5, 2, 1.8])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("figure-snapshot-\(UUID().uuidString)")
        let recorded = verifySnapshot(of: figure, as: .pixelmatch(), named: "loss", record: .all, snapshotDirectory: folder.path)
        #expect(recorded?.contains("Record mode is on") == true)
        #expect(verifySnapshot(of: figure, as: .pixelmatch(), named: "loss", record: .never, snapshotDirectory: folder.path) == nil)
        let changed = try chart([4, 3, 2.5, 2, 0.5])
        let failure = verifySnapshot(of: changed, as: .pixelmatch(), named: "loss", record: .never, snapshotDirectory: folder.path)
        #expect(failure?.contains("pixels differ") == true)
        #expect(verifySnapshot(of: changed, as: .rms(tolerance: 255), named: "loss", record: .never, snapshotDirectory: folder.path) == nil)
    }
}
