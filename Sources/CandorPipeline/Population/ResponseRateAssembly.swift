import CandorAggregate
import CandorClean
import Foundation

/// Matches a roster's values with the responses' and works out the response rates.
enum ResponseRateAssembly {
    /// Response rates and data-quality warnings for `roster` against a pass's respondents.
    ///
    /// Roster values match response groups as `RosterLevels` says. Groups are listed in the responses'
    /// order (a closed category's declared order), then the roster's values no one answered
    /// from, in roster order (0 responded). A response group the roster lacks is a warning:
    /// its respondents count in the overall rate but in no group's.
    /// - Throws: `RunFailure` (data quality, 65) when a group has more respondents than invited.
    static func rates(
        roster: Roster, spec: PopulationSpec, schema: SurveySchema, accepted: Int,
        respondents: [Int: [(label: String, respondents: Int)]], minGroupSize: Int
    ) throws(RunFailure) -> (rates: ResponseRates, warnings: [String]) {
        var warnings: [String] = []
        let fields = roster.columns.map { column -> ResponseRates.FieldCounts in
            let levels = RosterLevels(column, schema: schema)
            let answered = respondents[column.field] ?? []
            var groups: [ResponseRates.Group] = []
            var listed: [String: Int] = [:]
            for group in answered {
                let key = levels.key(of: group.label)
                if let index = listed[key] {
                    groups[index].responded += group.respondents
                } else if let level = levels.level(of: group.label) {
                    listed[key] = groups.count
                    groups.append(
                        .init(label: group.label, invited: levels.levels[level].invited, responded: group.respondents))
                } else if group.respondents > 0 {
                    warnings.append(
                        "\(column.fieldName) '\(group.label)' has respondents but is not in the roster \(spec.displayPath); they count in the overall response rate only"
                    )
                }
            }
            for level in levels.levels where listed[level.key] == nil {
                listed[level.key] = groups.count
                groups.append(.init(label: level.label, invited: level.invited, responded: 0))
            }
            return ResponseRates.FieldCounts(field: column.fieldName, groups: groups, invitedBlank: column.blank)
        }
        do {
            let rates = try ResponseRates(
                invited: roster.invited, responded: accepted, fields: fields, minGroupSize: minGroupSize,
                target: spec.target)
            return (rates, warnings)
        } catch {
            throw RunFailure(.dataQuality, "population roster \(spec.displayPath): \(error.description)")
        }
    }
}
