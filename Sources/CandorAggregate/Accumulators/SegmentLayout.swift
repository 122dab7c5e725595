import CandorClean

/// Which group each response falls in, for every segment field and pair: the fields' stored
/// values turned into small codes that index per-group state arrays.
///
/// Category values are already codes; booleans are 0 (No) and 1 (Yes); Likert answers are the
/// index of their point on the scale. A value that is not a usable code (unanswered, negative,
/// or absurdly large, which only a misdeclared segment field can produce) puts the response in
/// no group of that field.
struct SegmentLayout: Equatable, Sendable {
    /// How one field's values become codes.
    enum Coder: Equatable, Sendable {
        /// The value is the code (categories, booleans, other integer fields).
        case value
        /// A Likert point: code = `pointIndex[value − minimum]`, −1 where no point exists.
        case likert(minimum: Int64, pointIndex: [Int])
    }

    /// Codes at or above this are treated as no group, so bad data cannot allocate without bound.
    static let codeLimit = 1 << 16

    /// The segment fields (`plan.segments`), in order.
    let segmentFields: [Int]
    /// The pairs' fields.
    let pairFields: [(first: Int, second: Int)]
    /// Coders of the segment fields.
    private let segmentCoders: [Coder]
    /// Coders of the pairs' fields.
    private let pairCoders: [(first: Coder, second: Coder)]

    /// Number of slots a response's codes take: one per segment, two per pair.
    var slotCount: Int { segmentFields.count + 2 * pairFields.count }

    init(plan: AggregationPlan) {
        let fields = plan.schema.fields
        func coder(_ field: Int) -> Coder {
            guard fields.indices.contains(field), case .likert(let scale, _) = fields[field].kind else { return .value }
            return Self.likertCoder(scale)
        }
        segmentFields = plan.segments
        pairFields = plan.segmentPairs.map { ($0.first, $0.second) }
        segmentCoders = plan.segments.map(coder)
        pairCoders = plan.segmentPairs.map { (coder($0.first), coder($0.second)) }
    }

    static func == (lhs: SegmentLayout, rhs: SegmentLayout) -> Bool {
        lhs.segmentFields == rhs.segmentFields && lhs.pairFields.elementsEqual(rhs.pairFields, by: { $0 == $1 })
    }

    /// The coder of a Likert scale's points.
    static func likertCoder(_ scale: LikertScale) -> Coder {
        let minimum = Int64(scale.points.min() ?? 0)
        let maximum = Int64(scale.points.max() ?? 0)
        var table = Array(repeating: -1, count: Int(min(maximum - minimum, 1024)) + 1)
        for (index, point) in scale.points.enumerated() where Int64(point) - minimum < table.count {
            table[Int(Int64(point) - minimum)] = index
        }
        return .likert(minimum: minimum, pointIndex: table)
    }

    /// Writes every response's codes into `slots` (`slotCount` per response: segments first,
    /// then each pair's two codes), one field at a time so each coder is unpacked once per batch.
    func codes(
        of values: UnsafeBufferPointer<Int64>, width: Int, rows: Int, into slots: UnsafeMutableBufferPointer<Int>
    ) {
        let columns =
            segmentFields.indices.map { (segmentFields[$0], segmentCoders[$0]) }
            + pairFields.indices.flatMap {
                [(pairFields[$0].first, pairCoders[$0].first), (pairFields[$0].second, pairCoders[$0].second)]
            }
        let slotCount = columns.count
        for (slot, (field, coder)) in columns.enumerated() {
            switch coder {
            case .value:
                for row in 0..<rows {
                    let value = values[row * width + field]
                    slots[row * slotCount + slot] = value >= 0 && value < Self.codeLimit ? Int(value) : -1
                }
            case .likert(let minimum, let table):
                table.withUnsafeBufferPointer { table in
                    for row in 0..<rows {
                        let value = values[row * width + field]
                        let offset = value &- minimum
                        slots[row * slotCount + slot] =
                            value != Response.missing && offset >= 0 && offset < table.count ? table[Int(offset)] : -1
                    }
                }
            }
        }
    }
}
