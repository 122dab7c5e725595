import CandorAggregate
import CandorClean
import CandorReport

extension WeightingSection {
    /// Hides each margin count that `rates` hides (a group with fewer invited than the
    /// anonymity threshold, or its complement), so this section cannot give it back. Values
    /// match as the response rates match them (`RosterLevels`); a value with no shown rate row
    /// is hidden.
    mutating func hideCounts(as rates: ResponseRates, roster: Roster, schema: SurveySchema) {
        for index in margins.indices {
            let field = margins[index].field
            guard let column = roster.columns.first(where: { $0.fieldName == field }) else { continue }
            let levels = RosterLevels(column, schema: schema)
            let shown = Set(
                rates.rows.filter { $0.field == field && $0.labels.count == 1 && $0.rate != nil }
                    .map { levels.key(of: $0.labels[0]) })
            margins[index].levels = margins[index].levels.map { level in
                (level.label, shown.contains(levels.key(of: level.label)) ? level.invited : nil)
            }
        }
    }
}
