import Foundation
import Testing
@testable import ImageDiff

@Suite struct PNGDecodingTests {
    @Test(arguments: ["truncated.png", "bad-crc.png", "header-only.png"])
    func damagedPNGsThrowAnErrorNamingTheFile(_ name: String) throws {
        let url = Fixtures.bad.appendingPathComponent(name)
        let error = #expect(throws: ImageDiffError.self) { try RGBAImage(contentsOfPNG: url) }
        guard case let .corruptPNG(path, reason)? = error else {
            Issue.record("expected corruptPNG, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)
        #expect(!reason.isEmpty)
        let description = try #require(error).description
        #expect(description.contains(name) && !description.contains("\n"))
    }

    @Test(arguments: ["not-a-png.png", "photo.png", "empty.png"])
    func nonPNGsAreNamedAsSuch(_ name: String) {
        let url = Fixtures.bad.appendingPathComponent(name)
        #expect(throws: ImageDiffError.notPNG(path: url.path)) { try RGBAImage(contentsOfPNG: url) }
    }

    @Test func everyTruncationOfAValidFileIsAnErrorNotACrash() throws {
        let data = try Data(contentsOf: Fixtures.corpus.appendingPathComponent("aa-circle-shift.a.png"))
        for length in stride(from: 0, to: data.count, by: 7) {
            #expect(throws: ImageDiffError.self, "cut to \(length) bytes") { _ = try RGBAImage(pngData: data.prefix(length), source: "cut") }
        }
        #expect(try RGBAImage(pngData: data, source: "whole").width == 64)
    }

    @Test func unreadableFilesSayWhy() throws {
        let folder = try Fixtures.temporaryFolder()
        let absent = folder.appendingPathComponent("absent.png")
        #expect(throws: ImageDiffError.unreadable(path: absent.path, reason: "no such file")) { try RGBAImage(contentsOfPNG: absent) }
        #expect(throws: ImageDiffError.unreadable(path: folder.path, reason: "it is a folder, not a file")) {
            try RGBAImage(contentsOfPNG: folder)
        }
    }

    @Test func paletteAndTruecolorFilesWithTheSamePixelsDecodeEqual() throws {
        let palette = try Fixtures.corpusImage("palette-vs-truecolor.a.png")
        let truecolor = try Fixtures.corpusImage("palette-vs-truecolor.b.png")
        #expect(palette == truecolor)
        #expect(try Fixtures.corpusImage("palette-trns-vs-rgba.a.png") == Fixtures.corpusImage("palette-trns-vs-rgba.b.png"))
    }

    @Test func semiTransparentAlphaKeepsAllEightBits() throws {
        let ramp = try Fixtures.corpusImage("alpha-ramp.a.png")
        let alphas = Set(stride(from: 3, to: ramp.pixels.count, by: 4).map { ramp.pixels[$0] })
        #expect(alphas.count == 64)  // np.linspace(0, 255, 64): odd values too, which 7-bit alpha would lose
        #expect(alphas.contains { $0 % 2 == 1 })
    }

    @Test func gammaChunksAreIgnoredSoSamplesReadAsStored() throws {
        let data = try Data(contentsOf: Fixtures.corpus.appendingPathComponent("gradient-shift.a.png"))
        let plain = try RGBAImage(pngData: data, source: "plain")
        // Insert gAMA = 1.0 (linear) after IHDR; libpng would otherwise convert the samples to sRGB.
        var withGamma = [UInt8](data.prefix(33))
        withGamma += chunk("gAMA", [0x00, 0x01, 0x86, 0xA0])
        withGamma += data.dropFirst(33)
        #expect(try RGBAImage(pngData: Data(withGamma), source: "gamma") == plain)
        #expect(removingGammaChunks(from: Data(withGamma)) == data)
    }
}

@Suite struct PNGStructureTests {
    @Test func crc32MatchesThePNGSpecification() {
        #expect(crc32(Array("IEND".utf8)[...]) == 0xAE42_6082)
    }

    @Test(arguments: ["truncated.png", "bad-crc.png", "header-only.png", "not-a-png.png", "photo.png", "empty.png"])
    func theStructuralCheckRejectsEveryDamagedFile(_ name: String) throws {
        let data = try Data(contentsOf: Fixtures.bad.appendingPathComponent(name))
        #expect(throws: ImageDiffError.self) { _ = try validatedPNGSize(data, source: name) }
    }

    @Test func theStructuralCheckReadsTheSize() throws {
        let data = try Data(contentsOf: Fixtures.corpus.appendingPathComponent("text-shift.a.png"))
        let size = try validatedPNGSize(data, source: "text")
        #expect(size.width == 96 && size.height == 32)
    }
}

/// A PNG chunk: length, type, data and CRC-32 of type and data.
func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = Array(type.utf8) + data
    let crc = crc32(body[...])
    func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    return bigEndian(UInt32(data.count)) + body + bigEndian(crc)
}
