import Testing
@testable import Plotting

@Suite struct ColorTests {
    @Test func hexLiteralSplitsIntoChannels() {
        #expect(Color(hex: 0x12_34_56) == Color(red: 0x12, green: 0x34, blue: 0x56))
    }

    @Test func colormapEndpointsAreThePublishedOnes() {
        #expect(Colormap.viridis.color(at: 0) == Color(hex: 0x440154))
        #expect(Colormap.viridis.color(at: 1) == Color(hex: 0xFDE725))
        #expect(Colormap.magma.color(at: 0) == Color(hex: 0x000004))
        #expect(Colormap.magma.color(at: 1) == Color(hex: 0xFCFDBF))
        #expect(Colormap.inferno.color(at: 1) == Color(hex: 0xFCFFA4))
        #expect(Colormap.plasma.color(at: 0) == Color(hex: 0x0D0887))
        #expect(Colormap.cividis.color(at: 0) == Color(hex: 0x00224E))
        #expect(Colormap.turbo.color(at: 0) == Color(hex: 0x30123B))
        #expect(Colormap.jet.color(at: 0) == Color(hex: 0x000080))
        #expect(Colormap.all.allSatisfy { $0.table.count == 256 })
    }

    @Test func colormapClampsAndInterpolates() {
        #expect(Colormap.viridis.color(at: -3) == Colormap.viridis.color(at: 0))
        #expect(Colormap.viridis.color(at: .nan) == Colormap.viridis.color(at: 0))
        let mid = Colormap.viridis.color(at: 0.5 / 255)
        #expect(mid == Color(hex: 0x440154).mixed(with: Color(hex: 0x440256), 0.5))
        #expect(Colormap.named("Magma") == .magma && Colormap.named("rainbow") == nil)
    }

    @Test func paletteHasTwelveDistinctColours() {
        #expect(Set(PathPalette.colors).count == 12)
        #expect(PathPalette.color(12) == PathPalette.color(0))
    }
}
