import Foundation
import Synchronization

/// A per-step power for the steps t = 1, 2, ...: `βᵗ` of a bias correction, NAdam's
/// `0.96^(t·ψ)`, or `torch.optim.Adam`'s `(1 - β₂ᵗ)^0.5`. The values are `Foundation.pow`'s,
/// bit for bit, as Python's `beta ** step` gives them, but each is computed once per process:
/// every run with the same base, scale and quantity reads one shared table, so that a
/// learning-rate search (hundreds of runs with the same betas) or a repeated long run pays for
/// `pow` once. Tables grow by doubling, from 1024 steps up to 2¹⁷; later steps call `pow`.
public struct StepPowers: Sendable {
    /// What is raised.
    public enum Quantity: Sendable {
        /// `pow(β, t·s)`.
        case power
        /// `pow(1 - pow(β, t·s), 0.5)`: the square root of a bias correction, as `** 0.5` rounds it.
        case rootOfComplement
    }

    private var table: PowerTable
    /// Whether values beyond the table are memoised by growing it.
    private let grows: Bool

    /// The powers of `base` (β) at the steps scaled by `exponentScale` (s, 1 for bias corrections).
    public init(base: Double, exponentScale: Double = 1, quantity: Quantity = .power) {
        table = PowerTable.shared(PowerTable.Key(base, exponentScale, quantity), atLeast: PowerTable.initialCount)
        grows = true
    }

    /// The same values, each computed by `pow` when asked for and never memoised: for a base
    /// that a scheduler changes every step (OneCycleLR's β₁), where a table would be used once.
    public init(unmemoisedBase base: Double, exponentScale: Double = 1, quantity: Quantity = .power) {
        table = PowerTable(key: PowerTable.Key(base, exponentScale, quantity), values: [])
        grows = false
    }

    /// The base β.
    public var base: Double { Double(bitPattern: table.key.base) }

    /// These powers for `base`: unchanged when it is the same, else unmemoised ones.
    public func rebased(_ base: Double) -> StepPowers {
        base.bitPattern == table.key.base
            ? self
            : StepPowers(unmemoisedBase: base, exponentScale: Double(bitPattern: table.key.exponentScale), quantity: table.key.quantity)
    }

    /// The quantity at step t ≥ 1, e.g. `pow(base, Double(t)·exponentScale)`.
    @inline(__always)
    public mutating func callAsFunction(_ t: Int) -> Double {
        t <= table.values.count ? table.values[t - 1] : beyondTable(t)
    }

    private mutating func beyondTable(_ t: Int) -> Double {
        if grows, table.values.count < PowerTable.maximumCount {
            table = PowerTable.shared(table.key, atLeast: t)
            if t <= table.values.count { return table.values[t - 1] }
        }
        return table.key.value(at: t)
    }
}

/// The memoised values of one base, scale and quantity, for t = 1...values.count.
final class PowerTable: Sendable {
    static let initialCount = 1024
    static let maximumCount = 1 << 17

    let key: Key
    let values: [Double]

    fileprivate init(key: Key, values: [Double]) {
        self.key = key
        self.values = values
    }

    struct Key: Hashable {
        let base: UInt64
        let exponentScale: UInt64
        let quantity: StepPowers.Quantity

        init(_ base: Double, _ exponentScale: Double, _ quantity: StepPowers.Quantity) {
            self.base = base.bitPattern
            self.exponentScale = exponentScale.bitPattern
            self.quantity = quantity
        }

        func value(at t: Int) -> Double {
            let power = Foundation.pow(Double(bitPattern: base), Double(t) * Double(bitPattern: exponentScale))
            switch quantity {
            case .power: return power
            case .rootOfComplement: return Foundation.pow(1 - power, 0.5)
            }
        }
    }

    private static let tables = Mutex<[Key: PowerTable]>([:])

    /// The shared table for `key`, grown (by doubling, up to `maximumCount`) to hold step
    /// `count` if it can.
    static func shared(_ key: Key, atLeast count: Int) -> PowerTable {
        tables.withLock { tables in
            let existing = tables[key]
            if let existing, existing.values.count >= min(count, maximumCount) { return existing }
            var values = existing?.values ?? []
            var size = max(values.count, initialCount)
            while size < count && size < maximumCount { size *= 2 }
            values.reserveCapacity(size)
            for t in values.count + 1...size { values.append(key.value(at: t)) }
            let table = PowerTable(key: key, values: values)
            tables[key] = table
            return table
        }
    }
}
