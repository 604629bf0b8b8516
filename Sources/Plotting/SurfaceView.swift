import Foundation

/// The camera of a 3-D panel: an orthographic view of the box from `azimuth` degrees about the
/// vertical axis (0 looks from +x towards the centre, 90 from +y) and `elevation` degrees above
/// the floor. The defaults, azimuth -60 and elevation 30, are matplotlib's.
///
/// The box spans x and y in [-1, 1] and z in [0, `boxHeight`]; a point's screen coordinates are
/// `(p · right, p · up)` and its depth `p · toCamera` (larger is nearer).
public struct SurfaceView: Hashable, Sendable {
    public var azimuth: Double
    public var elevation: Double

    /// The height of the box, for a side of 2: matplotlib's 4:4:3 box.
    static let boxHeight = 1.5

    public init(azimuth: Double = -60, elevation: Double = 30) {
        self.azimuth = azimuth
        self.elevation = elevation
    }

    /// The unit vector from the box towards the camera.
    var toCamera: Vector3 {
        let a = azimuth * .pi / 180, e = elevation * .pi / 180
        return Vector3(cos(e) * cos(a), cos(e) * sin(a), sin(e))
    }
    var right: Vector3 {
        let a = azimuth * .pi / 180
        return Vector3(-sin(a), cos(a), 0)
    }
    var up: Vector3 { toCamera.cross(right) }

    /// Screen coordinates (y up) of a box point.
    func screen(_ p: Vector3) -> Point { Point(p.dot(right), p.dot(up)) }
    func depth(_ p: Vector3) -> Double { p.dot(toCamera) }
}
