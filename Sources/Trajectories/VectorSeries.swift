/// A sequence of equal-length vectors (points, gradients, ...) kept in one flat array, so that
/// recording a run appends numbers instead of allocating an array per step.
///
/// It reads like `[[Double]]`: `series[i]` is the i-th vector, `series.count` the number of
/// vectors, and it encodes to JSON as an array of arrays.
public struct VectorSeries: Sendable, Equatable, RandomAccessCollection, ExpressibleByArrayLiteral, Codable {
    /// The length of every vector.
    public private(set) var dimension: Int
    /// The vectors, one after another.
    public private(set) var storage: [Double]
    public private(set) var count: Int

    /// An empty series of vectors of `dimension` elements.
    public init(dimension: Int) {
        self.dimension = dimension
        storage = []
        count = 0
    }

    /// A series of `storage.count / dimension` vectors stored one after another.
    public init(dimension: Int, storage: [Double]) {
        precondition(dimension > 0 && storage.count % dimension == 0, "VectorSeries: storage is not whole vectors")
        self.dimension = dimension
        self.storage = storage
        count = storage.count / dimension
    }

    /// A series holding `rows`, which must all have the same length.
    public init(_ rows: [[Double]]) {
        self.init(dimension: rows.first?.count ?? 0)
        for row in rows { append(row) }
    }

    public init(arrayLiteral rows: [Double]...) {
        self.init(rows)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> [Double] {
        Array(storage[position * dimension..<(position + 1) * dimension])
    }

    /// The vectors as nested arrays.
    public var rows: [[Double]] { map { $0 } }

    /// Appends one vector of `dimension` elements.
    public mutating func append<Row: Collection<Double>>(_ row: Row) {
        precondition(row.count == dimension, "VectorSeries: a row of \(row.count) elements in a series of \(dimension)")
        storage.append(contentsOf: row)
        count += 1
    }

    /// Appends one vector from a buffer of `dimension` elements, without generic overhead.
    public mutating func append(_ row: UnsafeBufferPointer<Double>) {
        precondition(row.count == dimension, "VectorSeries: a row of \(row.count) elements in a series of \(dimension)")
        for value in row { storage.append(value) }
        count += 1
    }

    /// Removes the last vector.
    public mutating func removeLast() {
        storage.removeLast(dimension)
        count -= 1
    }

    /// Reserves room for `vectors` vectors in all.
    public mutating func reserveCapacity(_ vectors: Int) {
        storage.reserveCapacity(vectors * dimension)
    }

    public init(from decoder: any Decoder) throws {
        let rows = try [[Double]](from: decoder)
        if let ragged = rows.first(where: { $0.count != rows.first?.count }) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "vectors of different lengths (\(rows[0].count) and \(ragged.count))"))
        }
        self.init(rows)
    }

    public func encode(to encoder: any Encoder) throws {
        try rows.encode(to: encoder)
    }
}
