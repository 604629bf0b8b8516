import CGD

/// A truecolor libgd image that owns its `gdImagePtr` and destroys it on deinit.
public final class GDImage {
    let pointer: gdImagePtr

    /// A transparent-black truecolor image; `nil` when libgd cannot allocate it.
    public init?(width: Int, height: Int) {
        guard width > 0, height > 0, let pointer = gdImageCreateTrueColor(Int32(width), Int32(height)) else {
            return nil
        }
        self.pointer = pointer
    }

    deinit {
        gdImageDestroy(pointer)
    }

    public var width: Int { Int(pointer.pointee.sx) }
    public var height: Int { Int(pointer.pointee.sy) }
}
