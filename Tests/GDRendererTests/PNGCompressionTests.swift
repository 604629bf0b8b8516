import CGD
import CPNGWriter
import Foundation
import Plotting
import Testing
@testable import GDRenderer

@Suite struct PNGCompressionTests {
    @Test func levelsAreClampedToZeroThroughNine() {
        #expect(PNGCompression(level: -3).level == 0)
        #expect(PNGCompression(level: 4).level == 4)
        #expect(PNGCompression(level: 12).level == 9)
    }

    @Test func everyLevelDecodesToTheSamePixelsAndHigherLevelsAreSmaller() throws {
        let canvas = try FigureRenderer.render(try SampleFigures.contourMap(paths: 2, steps: 100).figure(width: 320, height: 280))
        let pixels = canvas.image.pixels()
        var sizes: [Int] = []
        for level in 0...9 {
            let data = try canvas.pngData(compression: level)
            #expect(try GDImage(pngData: data).pixels() == pixels, "level \(level)")
            #expect(try canvas.pngData(compression: level) == data, "level \(level) is deterministic")
            sizes.append(data.count)
        }
        // Stored (level 0) holds every byte: 3 per pixel plus a filter byte per row.
        #expect(sizes[0] > 320 * 280 * 3)
        #expect(sizes[1] < sizes[0] / 4)
        #expect(sizes[6] < sizes[1])
        #expect(sizes[9] <= sizes[6])
    }

    @Test func levelNineKeepsTheSmallerOfUnfilteredAndAdaptiveFilters() throws {
        // A diagonal gradient: every pixel differs from its left neighbour by the same step, which
        // the row filters turn into runs and an unfiltered encoding cannot.
        let canvas = try GDCanvas(width: 256, height: 64)
        var pixels: [Color] = []
        for y in 0..<64 {
            for x in 0..<256 { pixels.append(Color(red: UInt8(x), green: UInt8((x + y) & 0xFF), blue: UInt8(y * 4))) }
        }
        canvas.draw(raster: Raster(width: 256, height: 64, pixels: pixels), in: Rect(x: 0, y: 0, width: 256, height: 64))
        let eight = try canvas.pngData(compression: 8), nine = try canvas.pngData(compression: 9)
        #expect(nine.count < eight.count / 2)
        #expect(try GDImage(pngData: nine).pixels() == canvas.image.pixels())
    }

    @Test func savedAlphaIsWrittenAsRGBA() throws {
        let image = try #require(GDImage(width: 4, height: 2))
        gdImageSaveAlpha(image.pointer, 1)
        gdImageAlphaBlending(image.pointer, 0)
        image.pointer.pointee.tpixels[0]![0] = (127 << 24) | 0x102030  // transparent
        image.pointer.pointee.tpixels[1]![3] = (64 << 24) | 0xFF0000  // about half
        let data = try image.pngData()
        #expect(data[25] == 6, "colour type 6: RGBA")
        let decoded = try GDImage(pngData: data)
        #expect(decoded.color(x: 0, y: 0).alpha == 0)
        #expect(decoded.color(x: 3, y: 1) == image.color(x: 3, y: 1))
        let opaque = try #require(GDImage(width: 4, height: 2))
        #expect(try opaque.pngData()[25] == 2, "colour type 2: RGB")
    }

    @Test func paletteImagesAreEncodedByLibgd() throws {
        let palette = GDImage(owning: try #require(gdImageCreate(5, 3)))
        let teal = gdImageColorAllocate(palette.pointer, 0x21, 0x91, 0x8C)
        gdImageFilledRectangle(palette.pointer, 0, 0, 4, 2, teal)
        let decoded = try GDImage(pngData: try palette.pngData())
        #expect(decoded.width == 5 && decoded.height == 3)
        #expect(decoded.color(x: 2, y: 1) == Color(hex: 0x21918C))
    }

    @Test func libpngErrorsComeBackAsMessagesNotCrashes() {
        // libpng refuses rows wider than 1,000,000 pixels by default (png_error, a longjmp).
        let width = 1_000_001
        let row = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        row.initialize(repeating: 0, count: width)
        defer { row.deallocate() }
        var rows: [UnsafePointer<Int32>?] = [UnsafePointer(row)]
        var output = CPNGWriterOutput()
        let settings = CPNGWriterSettings(level: 1, strategy: 0, filters: 0x08, pixelsPerMetreX: 0, pixelsPerMetreY: 0)
        let status = cpngwriter_encode_truecolor(&rows, Int32(width), 1, 0, settings, &output)
        let message = withUnsafeBytes(of: output.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #expect(status == -1)
        #expect(output.bytes == nil)
        #expect(message.hasPrefix("libpng: "), "got \(message)")
    }
}
