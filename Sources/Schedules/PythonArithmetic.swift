import Foundation

/// Python's `x ** n` for a float and an int: the int converted, then C's `pow`.
func pythonPower(_ base: Double, _ exponent: Int) -> Double {
    pow(base, Double(exponent))
}

/// Python's `a // b` for ints: rounds toward -∞.
func floorDivide(_ a: Int, _ b: Int) -> Int {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}
