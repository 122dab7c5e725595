/// Writes engagement respondents in the generic layout (the only one this survey has).
struct EngagementExport: Sendable {
    /// The generator seed, for regenerating the row a duplicate copies.
    let seed: UInt64
    /// Total data rows.
    let rows: Int
    /// Team assignment.
    let roster: TeamRoster

    /// The item column names, q01...q12.
    static let itemColumns = (1...12).map { $0 < 10 ? "q0\($0)" : "q\($0)" }

    /// Columns of the generic layout, in order.
    static let columns =
        ["respondent_id", "submitted_at", "department", "manager_id", "tenure"]
        + itemColumns + ["enps", "comment"]

    /// The header record.
    var headerRecords: [[String]] { [Self.columns] }

    /// The fields of data row `row`, with the planted defect if any.
    func record(row: Int, dirty: DirtyRowKind?) -> [String] {
        let person = EngagementRespondent(seed: seed, row: row, rows: rows, roster: roster)
        var id = person.responseID
        if dirty == .duplicateID, row > 0 {
            id = EngagementRespondent(seed: seed, row: row - 1, rows: rows, roster: roster).responseID
        }
        let department =
            dirty == .unknownDepartment
            ? SampleVocabulary.unknownDepartment : SampleVocabulary.departments[person.department]
        var items = person.items.map { point -> String in
            guard let point else { return "" }
            return person.answersAsDigits ? String(point) : SampleVocabulary.agreeLabels[point - 1]
        }
        if dirty == .outOfRangeLikert { items[4] = "7" }
        if dirty == .blankRequired { items[0] = "" }
        let enps = dirty == .invalidValue ? "eleven" : String(person.enps)
        var record =
            [
                id, person.submitted.iso8601, department, TeamRoster.managerID(ofTeam: person.team),
                SampleVocabulary.tenureBands[person.tenure],
            ] + items + [enps, person.comment]
        if dirty == .raggedRow { record.removeLast(5) }
        return record
    }
}
