/// Constants for cleaned values.
package enum Response {
    /// The stored value of an unanswered item (blank, a declared non-answer, or an invalid value
    /// under `on_invalid: missing`).
    package static let missing = Int64.min
}

/// Cleaned responses, as the aggregate stage reads them: one `Int64` per schema field per
/// response, row after row.
///
/// What a value means depends on the field's kind: a category's code (an index into
/// `CleanedSchema.labels`), a Likert point (already reversed for reverse-coded items), a
/// multiselect bitmask (bit i = option i), an integer, a boolean 0/1, seconds since 1970, or a
/// number's `Double` bit pattern. Text and id fields store 0 when answered.
package struct ResponseBatch: Sendable {
    /// Values per response: the schema's field count.
    package let width: Int
    /// The values, `count × width`.
    package private(set) var values: [Int64]
    /// Each response's weight (1 when the pipeline declares none).
    package private(set) var weights: [Double]

    /// Creates an empty batch for `width` fields.
    package init(width: Int, capacity: Int = 4096) {
        self.width = width
        values = []
        values.reserveCapacity(width * capacity)
        weights = []
        weights.reserveCapacity(capacity)
    }

    /// Number of responses.
    package var count: Int { weights.count }

    /// Appends one response.
    mutating func append(_ row: UnsafeBufferPointer<Int64>, weight: Double) {
        values.append(contentsOf: row)
        weights.append(weight)
    }

    /// Removes every response, keeping the storage.
    package mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        weights.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each response's values and weight.
    @inline(__always)
    package func forEach(_ body: (UnsafeBufferPointer<Int64>, Double) throws -> Void) rethrows {
        try values.withUnsafeBufferPointer { all in
            for index in 0..<count {
                try body(UnsafeBufferPointer(rebasing: all[index * width..<(index + 1) * width]), weights[index])
            }
        }
    }
}
