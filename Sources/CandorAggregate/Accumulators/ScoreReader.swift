import CandorClean

/// Reads a per-respondent score from a response in a form whose sums merge exactly.
///
/// A mean of items is itemSum / k with k the answered items, which is not an integer; sums of
/// such means would depend on the order of addition. So the reader returns the integer numerator
/// and k's bucket, accumulators keep one sum per k, and divide only when results are computed.
struct ScoreReader: Equatable, Sendable {
    /// The fields read (one for a field score).
    let fields: [Int]
    /// Whether the score is the mean of `fields` (else the single field's value).
    let isMean: Bool
    /// Whether the single field stores a `Double`'s bit pattern (a `number` field).
    let isNumber: Bool
    /// The score's name for reports.
    let name: String

    /// Creates a reader for `score`.
    init(_ score: Score, schema: SurveySchema) {
        switch score {
        case .field(let field):
            fields = [field]
            isMean = false
            if schema.fields.indices.contains(field), case .number = schema.fields[field].kind {
                isNumber = true
            } else {
                isNumber = false
            }
            name = schema.fields.indices.contains(field) ? schema.fields[field].name : "field \(field)"
        case .meanOf(let items, let name):
            fields = items
            isMean = true
            isNumber = false
            self.name = name
        }
    }

    /// How many per-k sums a state keeps.
    var bucketCount: Int { isMean ? max(fields.count, 1) : 1 }

    /// What a bucket's numerator is divided by to give the score.
    @inline(__always)
    func divisor(_ bucket: Int) -> Double { isMean ? Double(bucket + 1) : 1 }

    /// The score's numerator and bucket, or `nil` when the respondent has no score.
    @inline(__always)
    func read(_ row: UnsafeBufferPointer<Int64>) -> (numerator: Double, bucket: Int)? {
        fields.withUnsafeBufferPointer { read(row, fields: $0) }
    }

    /// `read` with `fields` already behind a pointer, for loops over a batch.
    @inline(__always)
    func read(_ row: UnsafeBufferPointer<Int64>, fields: UnsafeBufferPointer<Int>) -> (numerator: Double, bucket: Int)?
    {
        if !isMean {
            let value = row[fields[0]]
            guard value != Response.missing else { return nil }
            if isNumber {
                let number = Double(bitPattern: UInt64(bitPattern: value))
                return number.isFinite ? (number, 0) : nil
            }
            return (Double(value), 0)
        }
        let (sum, answered) = Self.answeredSum(row, fields: fields)
        return answered == 0 ? nil : (Double(sum), answered - 1)
    }

    /// The sum of the answered items among `fields` and how many were answered: the one place
    /// a mean-of-items score (the engagement index, a block's score) reads its items.
    @inline(__always)
    static func answeredSum(_ row: UnsafeBufferPointer<Int64>, fields: UnsafeBufferPointer<Int>) -> (
        sum: Int64, answered: Int
    ) {
        var sum: Int64 = 0
        var answered = 0
        for field in fields {
            let value = row[field]
            guard value != Response.missing else { continue }
            sum &+= value
            answered += 1
        }
        return (sum, answered)
    }

    /// Σ score from per-bucket numerator sums.
    func total(_ numerators: [Double]) -> Double {
        numerators.indices.reduce(0) { $0 + numerators[$1] / divisor($1) }
    }

    /// Σ score² from per-bucket sums of squared numerators.
    func totalOfSquares(_ squares: [Double]) -> Double {
        squares.indices.reduce(0) { $0 + squares[$1] / (divisor($1) * divisor($1)) }
    }
}
