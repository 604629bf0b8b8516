import Foundation

/// Settings of the pixelmatch comparison; the defaults are pixelmatch's.
public struct PixelmatchOptions: Sendable, Equatable {
    /// Per-pixel colour threshold in 0...1: a pixel differs when its YIQ delta exceeds
    /// `35215 * threshold²`. Smaller is stricter. Default 0.1.
    public var threshold: Double
    /// Count anti-aliasing pixels as differences instead of skipping them. Default false.
    public var includeAA: Bool
    /// Opacity (0...1) of the grey baseline drawn under the differences in the diff image. Default 0.1.
    public var alpha: Double
    /// Colour of skipped anti-aliasing pixels in the diff image. Default yellow (255, 255, 0).
    public var antiAliasingColor: (red: UInt8, green: UInt8, blue: UInt8)
    /// Colour of differing pixels in the diff image. Default red (255, 0, 0).
    public var differenceColor: (red: UInt8, green: UInt8, blue: UInt8)
    /// Draw only the differing pixels, on a transparent background. Default false.
    public var diffMask: Bool

    public init(
        threshold: Double = 0.1, includeAA: Bool = false, alpha: Double = 0.1,
        antiAliasingColor: (red: UInt8, green: UInt8, blue: UInt8) = (255, 255, 0),
        differenceColor: (red: UInt8, green: UInt8, blue: UInt8) = (255, 0, 0), diffMask: Bool = false
    ) {
        self.threshold = threshold
        self.includeAA = includeAA
        self.alpha = alpha
        self.antiAliasingColor = antiAliasingColor
        self.differenceColor = differenceColor
        self.diffMask = diffMask
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.threshold == rhs.threshold && lhs.includeAA == rhs.includeAA && lhs.alpha == rhs.alpha
            && lhs.antiAliasingColor == rhs.antiAliasingColor && lhs.differenceColor == rhs.differenceColor
            && lhs.diffMask == rhs.diffMask
    }
}

/// What pixelmatch found.
public struct PixelmatchResult: Sendable, Equatable {
    /// Pixels whose colour delta exceeds the threshold and that are not anti-aliasing (unless `includeAA`).
    public var mismatchedPixels: Int
    /// Pixels above the threshold that were skipped as anti-aliasing (0 with `includeAA`).
    public var antiAliasedPixels: Int
    /// The smallest rectangle holding every mismatched pixel (nil when none mismatch).
    public var mismatchBounds: PixelBounds?
    /// The diff image, when one was asked for.
    public var diffImage: RGBAImage?
}

/// Two images of different sizes, which pixelmatch cannot compare.
public struct ImageSizeMismatch: Error, Equatable, CustomStringConvertible {
    public let baseline: (width: Int, height: Int)
    public let actual: (width: Int, height: Int)

    public var description: String {
        "baseline \(baseline.width)x\(baseline.height), actual \(actual.width)x\(actual.height)"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.baseline == rhs.baseline && lhs.actual == rhs.actual
    }
}

/// Counts the pixels that differ between `baseline` and `actual`, a faithful port of pixelmatch
/// (mapbox/pixelmatch 5; the `pixelmatch` 0.4.0 package for Python): the YIQ delta of `YIQ`
/// against `35215 * threshold²`, with differences that look like anti-aliasing in either image
/// (`AntiAliasingDetector`) skipped unless `includeAA`. Byte-identical images take a fast path.
///
/// The diff image (when `makeDiffImage`) shows the baseline as grey, faded towards white
/// (`255 + (Y - 255) * alpha * a / 255`, truncated), differing pixels in `differenceColor` and
/// skipped anti-aliasing in `antiAliasingColor`; with `diffMask`, only the differing pixels on a
/// transparent background.
///
/// - Throws: `ImageSizeMismatch` when the sizes differ.
public func pixelmatch(
    baseline: RGBAImage, actual: RGBAImage, options: PixelmatchOptions = PixelmatchOptions(), makeDiffImage: Bool = true
) throws(ImageSizeMismatch) -> PixelmatchResult {
    guard baseline.width == actual.width, baseline.height == actual.height else {
        throw ImageSizeMismatch(baseline: (baseline.width, baseline.height), actual: (actual.width, actual.height))
    }
    let width = baseline.width
    let height = baseline.height
    var output = makeDiffImage ? [UInt8](repeating: 0, count: width * height * 4) : []
    var mismatched = 0
    var antiAliased = 0
    var bounds = PixelBounds.Accumulator()
    baseline.pixels.withUnsafeBufferPointer { first in
        actual.pixels.withUnsafeBufferPointer { second in
            output.withUnsafeMutableBufferPointer { diff in
                guard let image1 = first.baseAddress, let image2 = second.baseAddress else { return }
                let diffPixels = makeDiffImage ? diff.baseAddress : nil
                if memcmp(image1, image2, first.count) == 0 {
                    if let diffPixels, !options.diffMask {
                        for position in stride(from: 0, to: first.count, by: 4) {
                            drawGrayPixel(image1, position, options.alpha, diffPixels)
                        }
                    }
                    return
                }
                let maximumDelta = YIQ.maximumDelta * options.threshold * options.threshold
                for y in 0..<height {
                    for x in 0..<width {
                        let position = (y * width + x) * 4
                        let delta = YIQ.delta(image1, image2, position, position)
                        if delta > maximumDelta {
                            if !options.includeAA
                                && (AntiAliasingDetector.isAntiAliased(image1, x, y, width, height, image2)
                                    || AntiAliasingDetector.isAntiAliased(image2, x, y, width, height, image1))
                            {
                                antiAliased += 1
                                if let diffPixels, !options.diffMask {
                                    drawPixel(diffPixels, position, options.antiAliasingColor)
                                }
                            } else {
                                mismatched += 1
                                bounds.include(x: x, y: y)
                                if let diffPixels {
                                    drawPixel(diffPixels, position, options.differenceColor)
                                }
                            }
                        } else if let diffPixels, !options.diffMask {
                            drawGrayPixel(image1, position, options.alpha, diffPixels)
                        }
                    }
                }
            }
        }
    }
    let diffImage = makeDiffImage ? RGBAImage(width: width, height: height, pixels: output) : nil
    return PixelmatchResult(
        mismatchedPixels: mismatched, antiAliasedPixels: antiAliased, mismatchBounds: bounds.bounds, diffImage: diffImage)
}

@inline(__always)
private func drawPixel(_ output: UnsafeMutablePointer<UInt8>, _ position: Int, _ color: (red: UInt8, green: UInt8, blue: UInt8)) {
    output[position] = color.red
    output[position + 1] = color.green
    output[position + 2] = color.blue
    output[position + 3] = 255
}

/// The baseline pixel's brightness, faded towards white: `255 + (Y - 255) * alpha * a / 255`, truncated.
@inline(__always)
private func drawGrayPixel(_ image: UnsafePointer<UInt8>, _ position: Int, _ alpha: Double, _ output: UnsafeMutablePointer<UInt8>) {
    let brightness = YIQ.y(Double(image[position]), Double(image[position + 1]), Double(image[position + 2]))
    let value = UInt8(YIQ.blend(brightness, alpha * Double(image[position + 3]) / 255))
    output[position] = value
    output[position + 1] = value
    output[position + 2] = value
    output[position + 3] = 255
}
