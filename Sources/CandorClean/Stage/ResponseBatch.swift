/// How cleaned values are stored: one `Int64` word per field of a response.
///
/// What a word means depends on the field's kind: a category's code (an index into
/// `CleanedSchema.labels`), a Likert point (already reversed for reverse-coded items), a
/// multiselect bitmask (bit i = option i), an integer, a boolean 0/1, seconds since 1970, or a
/// number's `Double` bit pattern (`word(ofNumber:)`). Text and id fields store 0 when answered.
/// Every kind stores `missing` for an unanswered item.
package enum Response {
    /// The stored value of an unanswered item (blank, a declared non-answer, or an invalid value
    /// under `on_invalid: missing`).
    package static let missing = Int64.min

    /// The word that stores number `value`: its bit pattern.
    @inline(__always) package static func word(ofNumber value: Double) -> Int64 {
        Int64(bitPattern: value.bitPattern)
    }

    /// The number stored as `word` (see `word(ofNumber:)`).
    @inline(__always) package static func number(ofWord word: Int64) -> Double {
        Double(bitPattern: UInt64(bitPattern: word))
    }
}

/// Cleaned responses, as the aggregate stage reads them: for each response, one value per
/// schema field and a weight.
///
/// The storage is private. Callers read a value through the accessor for its field's kind
/// (`code`, `integer`, `number`, `mask`), each `nil` when the item is unanswered, and a
/// response's `weight`; a loop over every response that must not pay a call per value reads
/// the raw words (see `Response`) inside `withUnsafeValues`.
package struct ResponseBatch: Sendable {
    /// Values per response: the schema's field count.
    package let width: Int
    /// The words, `count × width`, response after response.
    private var values: [Int64]
    /// Each response's weight (1 when the pipeline declares none).
    private var weights: [Double]

    /// Creates an empty batch for `width` fields, with room for `capacity` responses.
    package init(width: Int, capacity: Int = 4096) {
        self.width = width
        values = []
        values.reserveCapacity(width * capacity)
        weights = []
        weights.reserveCapacity(capacity)
    }

    /// Number of responses.
    package var count: Int { weights.count }

    /// Appends one response: its `width` words (see `Response`) and its weight. Raking replays
    /// responses kept aside through this, with the weights known only at the end of the pass.
    package mutating func append(_ row: UnsafeBufferPointer<Int64>, weight: Double) {
        values.append(contentsOf: row)
        weights.append(weight)
    }

    /// Removes every response, keeping the storage.
    package mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        weights.removeAll(keepingCapacity: true)
    }

    /// The weight of response `row`.
    package func weight(_ row: Int) -> Double { weights[row] }

    /// Whether response `row` answered field `field`.
    package func isAnswered(_ row: Int, _ field: Int) -> Bool { word(row, field) != Response.missing }

    /// A category's code, a boolean's 0 or 1, or a Likert point, of field `field` of response
    /// `row`; `nil` when unanswered.
    package func code(_ row: Int, _ field: Int) -> Int? { answered(row, field).map { Int($0) } }

    /// An integer, or a timestamp's seconds since 1970, of field `field` of response `row`;
    /// `nil` when unanswered.
    package func integer(_ row: Int, _ field: Int) -> Int64? { answered(row, field) }

    /// A number field's value for response `row`; `nil` when unanswered.
    package func number(_ row: Int, _ field: Int) -> Double? {
        answered(row, field).map(Response.number(ofWord:))
    }

    /// A multiselect field's chosen options for response `row`, bit i for option i; `nil` when
    /// unanswered.
    package func mask(_ row: Int, _ field: Int) -> UInt64? { answered(row, field).map { UInt64(bitPattern: $0) } }

    /// Calls `body` with the raw words (`count × width`, response after response, see
    /// `Response`) and the weights (`count`). The buffers are valid only during the call.
    @inline(__always)
    package func withUnsafeValues<Result, Failure: Error>(
        _ body: (_ values: UnsafeBufferPointer<Int64>, _ weights: UnsafeBufferPointer<Double>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // The array closures are not typed-throws; the error is carried out in a `Result`.
        let outcome = values.withUnsafeBufferPointer { values in
            weights.withUnsafeBufferPointer { weights in
                Swift.Result { () throws(Failure) -> Result in try body(values, weights) }
            }
        }
        return try outcome.get()
    }

    private func word(_ row: Int, _ field: Int) -> Int64 {
        precondition(field >= 0 && field < width, "field \(field) of a batch \(width) wide")
        return values[row * width + field]
    }

    private func answered(_ row: Int, _ field: Int) -> Int64? {
        let word = word(row, field)
        return word == Response.missing ? nil : word
    }
}
