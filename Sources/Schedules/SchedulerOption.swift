/// One keyword a scheduler takes, as PyTorch names it, with its type and default.
struct SchedulerOption {
    enum Kind {
        /// An integer >= the minimum.
        case integer(minimum: Int)
        /// A finite real in the range.
        case real(ClosedRange<Double>)
        case boolean
        /// One of the words.
        case word([String])
        /// Integers >= 1, written `30;60`, in order (a repeat counts twice, as in MultiStepLR).
        case integers
    }

    let key: String
    let kind: Kind
    /// The default as written in a spec; nil when the option must be given.
    let defaultValue: String?

    init(_ key: String, _ kind: Kind, _ defaultValue: String? = nil) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
    }

    /// What the option accepts, for a message: `an integer >= 1`.
    var accepted: String {
        switch kind {
        case .integer(let minimum): "an integer >= \(minimum)"
        case .real(let range):
            range.lowerBound == -.infinity && range.upperBound == .infinity
                ? "a finite number"
                : range.upperBound == .infinity ? "a number >= \(range.lowerBound)" : "a number in [\(range.lowerBound), \(range.upperBound)]"
        case .boolean: "true or false"
        case .word(let words): "one of " + words.joined(separator: ", ")
        case .integers: "non-decreasing integers >= 1 separated by ';', e.g. 30;60"
        }
    }

    /// The value written as `values` (one item, or several for a list), if it is acceptable.
    func parse(_ values: [String]) -> SchedulerValue? {
        switch kind {
        case .integers:
            let numbers = values.compactMap { Int($0) }
            guard numbers.count == values.count, numbers.allSatisfy({ $0 >= 1 }), zip(numbers, numbers.dropFirst()).allSatisfy({ $0 <= $1 })
            else { return nil }
            return .integers(numbers)
        default:
            guard values.count == 1 else { return nil }
            let text = values[0]
            switch kind {
            case .integer(let minimum):
                guard let number = Int(text), number >= minimum else { return nil }
                return .integer(number)
            case .real(let range):
                guard let number = Double(text), number.isFinite, range.contains(number) else { return nil }
                return .real(number)
            case .boolean:
                return text == "true" ? .boolean(true) : text == "false" ? .boolean(false) : nil
            case .word(let words):
                return words.contains(text) ? .word(text) : nil
            case .integers:
                return nil
            }
        }
    }
}

/// A scheduler option's value.
enum SchedulerValue: Equatable, CustomStringConvertible {
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case word(String)
    case integers([Int])

    var description: String {
        switch self {
        case .integer(let value): "\(value)"
        case .real(let value): "\(value)"
        case .boolean(let value): value ? "true" : "false"
        case .word(let value): value
        case .integers(let values): values.map(String.init).joined(separator: ";")
        }
    }

    var integer: Int {
        if case .integer(let value) = self { return value }
        preconditionFailure("\(self) is not an integer")
    }

    var real: Double {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: preconditionFailure("\(self) is not a number")
        }
    }

    var boolean: Bool {
        if case .boolean(let value) = self { return value }
        preconditionFailure("\(self) is not a boolean")
    }

    var word: String {
        if case .word(let value) = self { return value }
        preconditionFailure("\(self) is not a word")
    }

    var integers: [Int] {
        if case .integers(let values) = self { return values }
        preconditionFailure("\(self) is not a list")
    }
}
