import CandorClean
import CandorStorage

/// Translates the groups an accumulator saw into those of the accumulator it is merged into,
/// when the two were fed by cleaners whose category codes differ (two parts of one input read
/// at once; see `CategoryRecoding`).
struct GroupRecoder: Sendable {
    /// The recoding of the merged-in side's category codes; empty keeps every code.
    let recoding: CategoryRecoding
    /// Segment fields, then the pairs' fields, as the breakdowns' owners use them.
    let segmentFields: [Int]
    let pairFields: [(first: Int, second: Int)]

    /// Keeps every code.
    static let identity = GroupRecoder(recoding: CategoryRecoding(), segmentFields: [], pairFields: [])

    /// The merged code of `code` of `field`.
    @inline(__always)
    func code(_ code: Int, ofField field: Int) -> Int { recoding.code(code, ofField: field) }

    /// The merged group of `owner`, or `nil` when its merged code is beyond what a breakdown
    /// keeps (the caller checks beforehand that this cannot happen).
    func owner(_ owner: GroupDirectory.Owner) -> GroupDirectory.Owner? {
        if owner.slot < 0 || recoding.codes.isEmpty { return owner }
        let segments = segmentFields.count
        let first: Int
        var second = owner.second
        if owner.slot < segments {
            first = code(owner.first, ofField: segmentFields[owner.slot])
        } else {
            let fields = pairFields[owner.slot - segments]
            first = code(owner.first, ofField: fields.first)
            second = code(owner.second, ofField: fields.second)
        }
        guard first >= 0, first < SegmentLayout.codeLimit, second >= 0, second < SegmentLayout.codeLimit else {
            return nil
        }
        return GroupDirectory.Owner(slot: owner.slot, first: first, second: second)
    }
}
