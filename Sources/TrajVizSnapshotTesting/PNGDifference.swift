import Foundation
import ImageDiff

/// Why two PNGs do not match under some criteria: the message for a failing snapshot, and
/// pixelmatch's diff image when both decode with one size.
struct PNGDifference {
    let message: String
    let diffPNG: Data?

    /// nil when `actual` matches `reference` under `criteria`.
    init?(reference: Data, actual: Data, criteria: CheckCriteria) {
        let decodedReference: DecodedPNG, decodedActual: DecodedPNG
        do {
            decodedReference = try DecodedPNG(data: reference, source: "the reference")
            decodedActual = try DecodedPNG(data: actual, source: "the snapshot")
        } catch {
            message = "\(error)" + Self.quotedText(actual)
            diffPNG = nil
            return
        }
        let check = checkImage(path: "snapshot", baseline: decodedReference, actual: decodedActual, criteria: criteria)
        switch check.status {
        case .pass:
            return nil
        case .sizeMismatch:
            message = "the image size changed (\(check.message))"
            diffPNG = nil
        default:
            let pixels = decodedReference.image.width * decodedReference.image.height
            let count = check.mismatchedPixels ?? 0
            var text = "\(count) of \(pixels) pixels differ (\(String(format: "%.4f", check.mismatchPercent ?? 0))%)"
            if let box = check.mismatchBounds { text += ", within \(box)" }
            text += "; RMS \(String(format: "%.4f", check.rms ?? 0)). Passes with \(criteria.summary)."
            message = text
            diffPNG = check.diffPNG
        }
    }

    /// The start of `data` when it is text (as a render error is), quoted for the message.
    private static func quotedText(_ data: Data) -> String {
        guard let text = String(data: data.prefix(300), encoding: .utf8), !text.isEmpty else { return "" }
        return " (the snapshot holds text: \"\(text)\")"
    }
}
