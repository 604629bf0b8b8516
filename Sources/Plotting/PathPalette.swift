/// The qualitative palette for optimizer paths: twelve colours that colour-blind readers can
/// tell apart and that stand out on the viridis family.
///
/// The first six are Okabe & Ito's (2008) colour-universal-design set without its yellow
/// (invisible on the bright end of viridis) and its black (kept for minima), ordered so that the
/// first four differ most in hue and lightness: vermillion, blue, reddish purple, sky blue,
/// bluish green, then orange (it sits close to vermillion, so it comes only with a sixth path).
/// Then Paul Tol's "muted" wine, rose, indigo, olive, teal and sand (Tol 2021, technical note
/// SRON/EPS/TN/09-002) extend it to twelve while staying distinguishable. Paths are also drawn
/// over a white casing, so every colour reads on dark and light fields alike.
public enum PathPalette {
    public static let colors: [Color] = [
        0xD55E00, 0x0072B2, 0xCC79A7, 0x56B4E9, 0x009E73, 0xE69F00,
        0x882255, 0xCC6677, 0x332288, 0x999933, 0x44AA99, 0xDDCC77,
    ].map { Color(hex: $0) }

    /// The colour of path number `index` (wraps around after twelve).
    public static func color(_ index: Int) -> Color { colors[((index % colors.count) + colors.count) % colors.count] }
}
