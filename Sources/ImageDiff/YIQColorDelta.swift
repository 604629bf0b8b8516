/// Colour differences in the YIQ space, as pixelmatch measures them (Kotsarenko and Ramos,
/// "Measuring perceived color difference using YIQ NTSC transmission color space in mobile
/// applications", 2010).
///
/// A semi-transparent pixel is first blended over white: `c' = 255 + (c - 255) * a / 255`. Then
///
///     Y = 0.29889531 R + 0.58662247 G + 0.11448223 B
///     I = 0.59597799 R - 0.27417610 G - 0.32180189 B
///     Q = 0.21147017 R - 0.52261711 G + 0.31114694 B
///     delta = 0.5053 ΔY² + 0.299 ΔI² + 0.1957 ΔQ²      (0 ... 35215)
///
/// The operations run in the order of the reference (pixelmatch 0.4.0 for Python, mapbox's
/// pixelmatch 5 for JavaScript) so that every delta is bit-identical to it.
enum YIQ {
    /// The largest possible `delta`, between black and white.
    static let maximumDelta = 35215.0

    /// `255 + (c - 255) * a`: a channel blended over white with opacity `a` in 0...1.
    @inline(__always)
    static func blend(_ channel: Double, _ alpha: Double) -> Double {
        255 + (channel - 255) * alpha
    }

    @inline(__always)
    static func y(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.29889531 + g * 0.58662247 + b * 0.11448223
    }

    @inline(__always)
    static func i(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.59597799 - g * 0.27417610 - b * 0.32180189
    }

    @inline(__always)
    static func q(_ r: Double, _ g: Double, _ b: Double) -> Double {
        r * 0.21147017 - g * 0.52261711 + b * 0.31114694
    }

    /// The pixel at byte offset `offset`, blended over white when not opaque.
    @inline(__always)
    static func blendedRGB(_ pixels: UnsafePointer<UInt8>, _ offset: Int) -> (Double, Double, Double) {
        var r = Double(pixels[offset])
        var g = Double(pixels[offset + 1])
        var b = Double(pixels[offset + 2])
        let a = pixels[offset + 3]
        if a < 255 {
            let opacity = Double(a) / 255
            r = blend(r, opacity)
            g = blend(g, opacity)
            b = blend(b, opacity)
        }
        return (r, g, b)
    }

    /// The squared YIQ distance between pixel `k` of `first` and pixel `m` of `second` (byte offsets).
    @inline(__always)
    static func delta(_ first: UnsafePointer<UInt8>, _ second: UnsafePointer<UInt8>, _ k: Int, _ m: Int) -> Double {
        if samePixel(first, second, k, m) { return 0 }
        let (r1, g1, b1) = blendedRGB(first, k)
        let (r2, g2, b2) = blendedRGB(second, m)
        let dy = y(r1, g1, b1) - y(r2, g2, b2)
        let di = i(r1, g1, b1) - i(r2, g2, b2)
        let dq = q(r1, g1, b1) - q(r2, g2, b2)
        return 0.5053 * dy * dy + 0.299 * di * di + 0.1957 * dq * dq
    }

    /// The signed brightness difference Y(k) - Y(m) within one image (0 for equal pixels).
    @inline(__always)
    static func brightnessDelta(_ pixels: UnsafePointer<UInt8>, _ k: Int, _ m: Int) -> Double {
        if samePixel(pixels, pixels, k, m) { return 0 }
        let (r1, g1, b1) = blendedRGB(pixels, k)
        let (r2, g2, b2) = blendedRGB(pixels, m)
        return y(r1, g1, b1) - y(r2, g2, b2)
    }

    @inline(__always)
    static func samePixel(_ first: UnsafePointer<UInt8>, _ second: UnsafePointer<UInt8>, _ k: Int, _ m: Int) -> Bool {
        UnsafeRawPointer(first + k).loadUnaligned(as: UInt32.self) == UnsafeRawPointer(second + m).loadUnaligned(as: UInt32.self)
    }
}
