/// matplotlib's RMS image difference (`matplotlib.testing.compare.calculate_rms`, used by
/// `compare_images` and pytest-mpl): `sqrt(mean((baseline - actual)²))` over every channel of
/// every pixel, in 0...255.
///
/// matplotlib drops the alpha channel of an image that is fully opaque, so two opaque images are
/// compared over R, G and B; when either image has a pixel with alpha < 255, over R, G, B and A.
/// (matplotlib itself refuses to compare an opaque image with a translucent one; here the opaque
/// one counts as alpha 255.) `compare_images` passes when `rms <= tolerance`.
///
/// - Throws: `ImageSizeMismatch` when the sizes differ.
public func rootMeanSquareError(baseline: RGBAImage, actual: RGBAImage) throws(ImageSizeMismatch) -> Double {
    guard baseline.width == actual.width, baseline.height == actual.height else {
        throw ImageSizeMismatch(baseline: (baseline.width, baseline.height), actual: (actual.width, actual.height))
    }
    let channels = baseline.isOpaque && actual.isOpaque ? 3 : 4
    let pixelCount = baseline.width * baseline.height
    guard pixelCount > 0 else { return 0 }
    var sumOfSquares = 0
    baseline.pixels.withUnsafeBufferPointer { first in
        actual.pixels.withUnsafeBufferPointer { second in
            for pixel in 0..<pixelCount {
                for channel in 0..<channels {
                    let difference = Int(first[pixel * 4 + channel]) - Int(second[pixel * 4 + channel])
                    sumOfSquares += difference * difference
                }
            }
        }
    }
    return (Double(sumOfSquares) / Double(pixelCount * channels)).squareRoot()
}
