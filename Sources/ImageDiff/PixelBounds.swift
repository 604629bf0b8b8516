/// A rectangle of pixels: the left and top pixel, and the width and height in pixels.
public struct PixelBounds: Sendable, Equatable, Codable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// "x 3...14, y 5...9 (12×5 px)": the first and last column and row, inclusive.
    public var description: String {
        "x \(x)...\(x + width - 1), y \(y)...\(y + height - 1) (\(width)×\(height) px)"
    }

    /// Grows a rectangle pixel by pixel; `bounds` is nil until a pixel is included.
    struct Accumulator {
        private var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min

        mutating func include(x: Int, y: Int) {
            minX = min(minX, x)
            maxX = max(maxX, x)
            minY = min(minY, y)
            maxY = max(maxY, y)
        }

        var bounds: PixelBounds? {
            minX <= maxX ? PixelBounds(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1) : nil
        }
    }
}
