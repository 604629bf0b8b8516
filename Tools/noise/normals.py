"""An independent transcription of TrajViz's noise generator, for the pinned values of
Tests/_RandomTests/NormalGeneratorTests.swift: SplitMix64, Marsaglia's polar method, and the
portable logarithm (frexp and IEEE arithmetic only). Python floats are IEEE doubles, and
+, -, *, / and sqrt round correctly, so the output is the Swift generator's, bit for bit.

    python3 Tools/noise/normals.py
"""
import math

MASK = (1 << 64) - 1
LN2 = 0.6931471805599453


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def unit(self):
        return (self.next() >> 11) * 2.0**-53


def portable_log(x):
    mantissa, exponent = math.frexp(x)  # [0.5, 1): Swift's significand is twice it
    mantissa, exponent = 2 * mantissa, float(exponent - 1)
    if mantissa > 1.4142135623730951:
        mantissa, exponent = mantissa / 2, exponent + 1
    z = (mantissa - 1) / (mantissa + 1)
    z2 = z * z
    series = 0.0
    for k in range(25, 2, -2):
        series = (series + 1 / float(k)) * z2
    return exponent * LN2 + 2 * z * (1 + series)


def normals(seed, count):
    uniform, out = SplitMix64(seed), []
    while len(out) < count:
        u, v = 2 * uniform.unit() - 1, 2 * uniform.unit() - 1
        s = u * u + v * v
        if not (0 < s < 1):
            continue
        factor = math.sqrt(-2 * portable_log(s) / s)
        out += [u * factor, v * factor]
    return out[:count]


if __name__ == "__main__":
    for seed in (0, 42):
        print(seed, [repr(x) for x in normals(seed, 4)])
