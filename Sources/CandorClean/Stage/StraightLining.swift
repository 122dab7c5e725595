import CandorCore

/// Straight-lining: per block of two or more items, whether a respondent who answered every
/// item gave the same answer to all of them. Straight-lining is about the answers given, so
/// reverse-coded items are turned back before comparing.
struct StraightLining {
    /// Each block's fields.
    private let blockFields: [[Int]]
    /// Per block, per item: `min + max` of the scale for a reverse-coded item (the stored value
    /// is that minus the answer given), `nil` otherwise.
    private let blockMirrors: [[Int64?]]

    /// The check for `schema`'s blocks.
    init(schema: SurveySchema) {
        blockFields = schema.blocks.map(\.fields)
        blockMirrors = schema.blocks.map { block in
            block.fields.map { field -> Int64? in
                guard case .likert(let scale, reverse: true) = schema.fields[field].kind else { return nil }
                return Int64(scale.minimum + scale.maximum)
            }
        }
    }

    /// Counts an accepted response's `row` (stored values, `Response.missing` when unanswered):
    /// each block it answered whole, and those it straight-lined.
    func count(_ row: [Int64], into tallies: inout CleanTallies) {
        for blockIndex in blockFields.indices where blockFields[blockIndex].count > 1 {
            let fields = blockFields[blockIndex]
            guard fields.allSatisfy({ row[$0] != Response.missing }) else { continue }
            let mirrors = blockMirrors[blockIndex]
            func answer(_ item: Int) -> Int64 {
                let stored = row[fields[item]]
                return mirrors[item].map { $0 - stored } ?? stored
            }
            let first = answer(0)
            var flagged = true
            for item in 1..<fields.count where answer(item) != first {
                flagged = false
                break
            }
            if flagged { tallies.straightLiners[blockIndex] += 1 }
            tallies.answeredWholeBlock[blockIndex] += 1
        }
    }
}
