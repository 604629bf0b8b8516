import Foundation

/// `CosineAnnealingWarmRestarts(T_0, T_mult=1, eta_min=0)`: cosine annealing over `T_i` steps,
/// restarting at the base lr, each period `T_mult` times the last:
/// `η_min + (base - η_min)(1 + cos(π·T_cur/T_i))/2`, always from the base (no recursion).
final class CosineAnnealingWarmRestarts: LRScheduler {
    let t0: Int
    let tMult: Int
    let etaMin: Double
    var tI: Int
    var tCur: Int

    init(group: ParameterGroup, t0: Int, tMult: Int, etaMin: Double) {
        self.t0 = t0
        self.tMult = tMult
        self.etaMin = etaMin
        tI = t0
        tCur = -1
        super.init(group: group)
    }

    override func recursiveLR() -> Double {
        etaMin + (baseLR - etaMin) * (1 + cos(Double.pi * Double(tCur) / Double(tI))) / 2
    }

    /// Its own `step()`: advances `T_cur`, restarting when it reaches `T_i`.
    override func step() {
        if lastEpoch < 0 {
            tI = t0
            tCur = 0
            lastEpoch = 0
        } else {
            lastEpoch += 1
            tCur += 1
            if tCur >= tI {
                tCur %= tI
                tI *= tMult
            }
        }
        group.lr = recursiveLR()
    }
}
