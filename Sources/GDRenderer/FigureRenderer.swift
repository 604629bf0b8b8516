import CGD
import Foundation
import Plotting
import _AtomicWrite

/// Renders figures with libgd and encodes them as PNG or animated GIF; every file is written
/// atomically (readers see the old file or the whole new one).
public enum FigureRenderer {
    /// Draws `figure` on a new canvas of its size.
    public static func render(_ figure: Figure) throws(RenderError) -> GDCanvas {
        let canvas = try GDCanvas(width: figure.width, height: figure.height)
        figure.draw(on: canvas)
        return canvas
    }

    /// Throws `FigureTooSmall` when the figure's image size cannot hold it, measured with the
    /// fonts it will be drawn in.
    public static func checkSize(_ figure: Figure) throws {
        try figure.checkSize(measurer: try GDCanvas(width: 1, height: 1))
    }

    /// The figure as PNG bytes, encoded by libgd/libpng at zlib level `compression` (0...9).
    public static func png(_ figure: Figure, compression: Int = PNGCompression.defaultLevel) throws(RenderError) -> Data {
        try render(figure).pngData(compression: compression)
    }

    /// Renders `figure` and writes it as a PNG at `url`.
    public static func writePNG(_ figure: Figure, to url: URL, compression: Int = PNGCompression.defaultLevel) throws {
        try writeAtomically(png(figure, compression: compression), to: url)
    }

    /// The frames as a looping animated GIF: every frame is mapped to one 256-colour palette made
    /// from the last frame (no dithering, so flat areas stay flat) and only the rectangle that
    /// changed since the previous frame is stored; `delay` is per frame in hundredths of a second;
    /// the last frame is held for `finalDelay`. All frames must have the first frame's size.
    public static func gif(_ frames: [Figure], delay: Int = 8, finalDelay: Int = 150, loops: Int = 0) throws(RenderError) -> Data {
        guard let first = frames.first else { throw RenderError("an animation needs at least one frame") }
        guard delay >= 1, delay <= 65535, finalDelay >= 1, finalDelay <= 65535 else {
            throw RenderError("frame delay \(delay) / final delay \(finalDelay) must be between 1 and 65535 hundredths of a second")
        }
        guard frames.allSatisfy({ $0.width == first.width && $0.height == first.height }) else {
            throw RenderError("animation frames differ in size: every frame must be \(first.width)x\(first.height)")
        }
        var output = Data()
        func take(_ pointer: UnsafeMutableRawPointer?, _ size: Int32, _ what: String) throws(RenderError) {
            guard let pointer else { throw RenderError("libgd could not encode the GIF \(what)") }
            output.append(pointer.assumingMemoryBound(to: UInt8.self), count: Int(size))
            gdFree(pointer)
        }
        // One palette for all frames, from the last frame (it shows the most), so that unchanged
        // areas keep their indices and libgd stores only the rectangle that changed per frame.
        func palette(of figure: Figure, index: Int) throws(RenderError) -> GDImage {
            let canvas = try render(figure)
            guard let palette = gdImageCreatePaletteFromTrueColor(canvas.image.pointer, 0, 256) else {
                throw RenderError("libgd could not reduce frame \(index) to a palette")
            }
            return GDImage(owning: palette)
        }
        let shared = try palette(of: frames[frames.count - 1], index: frames.count - 1)
        var size: Int32 = 0
        try take(gdImageGifAnimBeginPtr(shared.pointer, &size, 1, Int32(loops)), size, "header")
        var previous: GDImage?
        for (index, figure) in frames.enumerated() {
            let frame = index == frames.count - 1 ? shared : try palette(of: figure, index: index)
            if frame !== shared { gdImagePaletteCopy(frame.pointer, shared.pointer) }
            let frameDelay = index == frames.count - 1 ? finalDelay : delay
            try take(gdImageGifAnimAddPtr(frame.pointer, &size, 0, 0, 0, Int32(frameDelay), Int32(gdDisposalNone), previous?.pointer), size, "frame \(index)")
            previous = frame
        }
        try take(gdImageGifAnimEndPtr(&size), size, "trailer")
        return output
    }
}
