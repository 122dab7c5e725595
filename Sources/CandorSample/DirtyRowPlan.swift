/// The kinds of defect planted in dirty rows, one per dirty row, in this rotating order.
enum DirtyRowKind: Int, CaseIterable, Sendable {
    /// A Likert answer of 7 on a five-point scale.
    case outOfRangeLikert
    /// A value that is not a valid answer: eNPS "eleven", or "Sometimes" in a Yes/No column.
    case invalidValue
    /// The respondent id of the row before (the Google Forms export repeats that whole row).
    case duplicateID
    /// A required answer left blank.
    case blankRequired
    /// A record with fewer fields than the header.
    case raggedRow
    /// A department that is not one of the survey's departments.
    case unknownDepartment
}

/// Where the dirty rows go: spread evenly through the file, so the same arguments always plant
/// the same defects in the same rows.
struct DirtyRowPlan: Sendable {
    /// Total data rows.
    let rows: Int
    /// Dirty rows among them (0...rows).
    let dirtyRows: Int

    /// The row that holds dirty row `k`: the middle of the k-th of `dirtyRows` equal slices.
    ///
    /// Slices are at least one row wide (dirtyRows <= rows), so positions strictly increase, and
    /// the first duplicate (k = 2) lands at row 2 or later, so it always has a row before it.
    func position(of k: Int) -> Int {
        (2 * k + 1) * rows / (2 * dirtyRows)
    }

    /// The defect planted in `row`, or nil for a clean row.
    func kind(atRow row: Int) -> DirtyRowKind? {
        guard dirtyRows > 0, row >= 0, row < rows else { return nil }
        let estimate = row * dirtyRows / rows
        for k in max(0, estimate - 1)...min(dirtyRows - 1, estimate + 1) where position(of: k) == row {
            return DirtyRowKind(rawValue: k % DirtyRowKind.allCases.count)
        }
        return nil
    }
}
