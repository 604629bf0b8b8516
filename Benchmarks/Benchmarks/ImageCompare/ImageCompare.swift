import Benchmark
import Foundation
import ImageDiff

/// `trajviz check`'s comparison of two 1000x1000 images (Resources/, made by
/// Tools/imagediff/peer_benchmark.py make): a contour map, and the same with one path moved by a
/// pixel and one marker moved. Targets: compare in 10 ms when identical and 30 ms when
/// different, decode excluded; decode + compare 20x faster than pixelmatch 0.4.0 for Python
/// (`python3 Tools/imagediff/peer_benchmark.py time`).
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal], timeUnits: .milliseconds, warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 60)

    guard let baselineURL = Bundle.module.url(forResource: "baseline", withExtension: "png", subdirectory: "Resources"),
        let actualURL = Bundle.module.url(forResource: "actual", withExtension: "png", subdirectory: "Resources"),
        let baselinePNG = try? Data(contentsOf: baselineURL), let actualPNG = try? Data(contentsOf: actualURL),
        let baseline = try? RGBAImage(pngData: baselinePNG, source: "baseline.png"),
        let actual = try? RGBAImage(pngData: actualPNG, source: "actual.png"),
        let identical = try? RGBAImage(pngData: baselinePNG, source: "baseline.png")  // equal pixels, separate buffer
    else {
        print("ImageCompare: the benchmark images are missing; run python3 Tools/imagediff/peer_benchmark.py make")
        return
    }

    Benchmark("pixelmatch, identical, count only") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try pixelmatch(baseline: baseline, actual: identical, makeDiffImage: false))
        }
    }
    Benchmark("pixelmatch, identical, with diff image") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try pixelmatch(baseline: baseline, actual: identical))
        }
    }
    Benchmark("pixelmatch, different, count only") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try pixelmatch(baseline: baseline, actual: actual, makeDiffImage: false))
        }
    }
    Benchmark("pixelmatch, different, with diff image") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try pixelmatch(baseline: baseline, actual: actual))
        }
    }
    Benchmark("rms, different") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try rootMeanSquareError(baseline: baseline, actual: actual))
        }
    }
    Benchmark("decode one PNG") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try RGBAImage(pngData: actualPNG, source: "actual.png"))
        }
    }
    Benchmark("decode both + pixelmatch with diff image, different") { benchmark throws in
        for _ in benchmark.scaledIterations {
            let first = try RGBAImage(pngData: baselinePNG, source: "baseline.png")
            let second = try RGBAImage(pngData: actualPNG, source: "actual.png")
            blackHole(try pixelmatch(baseline: first, actual: second))
        }
    }
    Benchmark("decode both + pixelmatch with diff image, identical pixels") { benchmark throws in
        for _ in benchmark.scaledIterations {
            let first = try RGBAImage(pngData: baselinePNG, source: "baseline.png")
            let second = try RGBAImage(pngData: baselinePNG, source: "baseline.png")
            blackHole(try pixelmatch(baseline: first, actual: second))
        }
    }
    // What `trajviz check A B` does per image: read, decode (or, for byte-identical files, check
    // the structure only), measure pixelmatch and RMS, draw the diff image of a failure.
    let baselineFile = ImageSet.file(baselineURL, path: "figure.png")
    let actualFile = ImageSet.file(actualURL, path: "figure.png")
    Benchmark("checkImages, two different files") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try checkImages(baseline: baselineFile, actual: actualFile))
        }
    }
    Benchmark("checkImages, two byte-identical files") { benchmark throws in
        for _ in benchmark.scaledIterations {
            blackHole(try checkImages(baseline: baselineFile, actual: baselineFile))
        }
    }
}
