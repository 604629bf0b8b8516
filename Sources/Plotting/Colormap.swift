/// A continuous colormap as a 256-entry lookup table, linearly interpolated between entries.
///
/// The tables are matplotlib's (see `Tools/rendering/generate_colormaps.py`): the perceptually
/// uniform viridis (the default), magma, plasma, inferno and cividis (colour-vision-deficiency
/// friendly), Google's turbo, and jet for parity with older galleries (not recommended).
public struct Colormap: Hashable, Sendable {
    public let name: String
    let table: [UInt32]

    init(name: String, table: [UInt32]) {
        self.name = name
        self.table = table
    }

    public static let viridis = Colormap(name: "viridis", table: viridisTable)
    public static let magma = Colormap(name: "magma", table: magmaTable)
    public static let plasma = Colormap(name: "plasma", table: plasmaTable)
    public static let inferno = Colormap(name: "inferno", table: infernoTable)
    public static let cividis = Colormap(name: "cividis", table: cividisTable)
    public static let turbo = Colormap(name: "turbo", table: turboTable)
    public static let jet = Colormap(name: "jet", table: jetTable)

    /// Every built-in colormap, viridis first.
    public static let all: [Colormap] = [.viridis, .magma, .plasma, .inferno, .cividis, .turbo, .jet]

    /// The built-in colormap called `name` (case-insensitive), or `nil`.
    public static func named(_ name: String) -> Colormap? {
        all.first { $0.name == name.lowercased() }
    }

    /// The colour at `t` in 0...1 (clamped; NaN gives the lowest colour).
    public func color(at t: Double) -> Color {
        let clamped = t.isNaN ? 0 : min(max(t, 0), 1)
        let position = clamped * Double(table.count - 1)
        let low = Int(position.rounded(.down))
        let high = min(low + 1, table.count - 1)
        let a = Color(hex: table[low]), b = Color(hex: table[high])
        let f = position - Double(low)
        return f == 0 ? a : a.mixed(with: b, f)
    }
}
