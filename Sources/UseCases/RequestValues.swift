import Foundation

/// The values of flags and query parameters, parsed the same way for the command line and the server.
public enum RequestValues {
    /// "x,y[,...]" as finite numbers.
    public static func vector(_ text: String, flag: String) throws(RequestError) -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let numbers = parts.map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, numbers.allSatisfy({ $0?.isFinite == true }) else {
            throw RequestError("\(flag) expects comma-separated finite numbers such as -2,2 (got '\(text)')")
        }
        return numbers.map { $0! }
    }

    /// A whole number.
    public static func integer(_ text: String, flag: String) throws(RequestError) -> Int {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { throw RequestError("\(flag) expects a whole number (got '\(text)')") }
        return value
    }

    /// A whole number from 0 to 2^64 - 1, such as a seed.
    public static func unsigned(_ text: String, flag: String) throws(RequestError) -> UInt64 {
        guard let value = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
            throw RequestError("\(flag) expects a whole number from 0 to \(UInt64.max) (got '\(text)')")
        }
        return value
    }

    /// A finite number.
    public static func number(_ text: String, flag: String) throws(RequestError) -> Double {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw RequestError("\(flag) expects a finite number (got '\(text)')")
        }
        return value
    }

    /// One of an enumeration's raw values.
    public static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String, flag: String) throws(RequestError) -> Choice
    where Choice.RawValue == String {
        guard let value = Choice(rawValue: text) else {
            throw RequestError("\(flag) must be one of \(Choice.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(text)')")
        }
        return value
    }
}
