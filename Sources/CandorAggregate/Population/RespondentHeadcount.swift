import CandorCore
import CandorClean

/// Accepted respondents per category value of a few fields: the "responded" side of response
/// rates (`ResponseRates`).
///
/// Its state is one count per category code per field, so it grows with the number of values,
/// never with the number of responses, and it merges like every accumulator: a later part read
/// with other category codes is re-keyed through the merge's `GroupRecoder`.
struct RespondentHeadcount: Equatable, Sendable {
    /// The counted fields (category fields), in the plan's order.
    let fields: [Int]
    /// Per counted field: respondents by category code.
    private(set) var counts: [[Int]]
    /// Per counted field: respondents whose value is blank (in no group).
    private(set) var blanks: [Int]

    /// An empty headcount of `fields`.
    init(fields: [Int]) {
        self.fields = fields
        counts = fields.map { _ in [] }
        blanks = fields.map { _ in 0 }
    }

    /// Counts every response of a batch (`rows` responses of `width` values each).
    mutating func add(_ values: UnsafeBufferPointer<Int64>, width: Int, rows: Int) {
        for (slot, field) in fields.enumerated() {
            for row in 0..<rows {
                let value = values[row * width + field]
                // A code at or past the segment limit can only come from a misdeclared field;
                // like a segment, it puts the response in no group rather than allocating.
                guard value >= 0, value < SegmentLayout.codeLimit else {
                    blanks[slot] += 1
                    continue
                }
                increment(slot, code: Int(value), by: 1)
            }
        }
    }

    /// Adds `other`'s counts, its category codes translated by `recoder`.
    mutating func merge(_ other: RespondentHeadcount, recoder: GroupRecoder) {
        guard other.fields == fields else { return }
        for slot in fields.indices {
            blanks[slot] += other.blanks[slot]
            for (code, count) in other.counts[slot].enumerated() where count > 0 {
                let merged = recoder.code(code, ofField: fields[slot])
                if merged >= 0, merged < SegmentLayout.codeLimit {
                    increment(slot, code: merged, by: count)
                } else {
                    blanks[slot] += count
                }
            }
        }
    }

    /// Respondents by category code of `field` (empty when it is not counted).
    func respondents(ofField field: Int) -> [Int] {
        fields.firstIndex(of: field).map { counts[$0] } ?? []
    }

    private mutating func increment(_ slot: Int, code: Int, by count: Int) {
        if code >= counts[slot].count { counts[slot] += Array(repeating: 0, count: code + 1 - counts[slot].count) }
        counts[slot][code] += count
    }
}

extension RespondentHeadcount {
    /// Writes the counts per field and value, and the blanks per field, for a partial file.
    func encodeState(into writer: inout StateWriter) {
        for slot in fields.indices { writer.integers(counts[slot]) }
        writer.integers(blanks)
    }

    /// Reads what `encodeState` wrote into this empty headcount of the same fields.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        for slot in fields.indices { counts[slot] = try reader.integers() }
        let start = reader.offset
        let decoded = try reader.integers()
        guard decoded.count == blanks.count else {
            throw StateDecodingError(offset: start, "blank counts for another number of fields")
        }
        blanks = decoded
    }
}
