import CandorAggregate
import CandorClean
import Foundation

/// Matches a roster's values with the responses' and works out the response rates.
enum ResponseRateAssembly {
    /// Response rates and data-quality warnings for `roster` against a pass's respondents.
    ///
    /// A roster value matches a response group when they are equal after the field's aliases
    /// and ignoring case (as the cleaner reads categories). Groups are listed in the responses'
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
            var aliases: [String: String] = [:]
            if case .category(let category) = schema.fields[column.field].kind {
                for (alias, value) in category.aliases { aliases[fold(alias)] = value }
            }
            let answered = respondents[column.field] ?? []
            var invitedByKey: [String: Int] = [:]
            var rosterOrder: [(key: String, label: String)] = []
            for (value, invited) in column.values {
                let key = fold(aliases[fold(value)] ?? value)
                if invitedByKey[key] == nil { rosterOrder.append((key, value)) }
                invitedByKey[key, default: 0] += invited
            }
            var groups: [ResponseRates.Group] = []
            var listed: [String: Int] = [:]
            for group in answered {
                let key = fold(group.label)
                if let index = listed[key] {
                    groups[index].responded += group.respondents
                } else if let invited = invitedByKey[key] {
                    listed[key] = groups.count
                    groups.append(.init(label: group.label, invited: invited, responded: group.respondents))
                } else if group.respondents > 0 {
                    warnings.append(
                        "\(column.fieldName) '\(group.label)' has respondents but is not in the roster \(spec.displayPath); they count in the overall response rate only"
                    )
                }
            }
            for entry in rosterOrder where listed[entry.key] == nil {
                listed[entry.key] = groups.count
                groups.append(.init(label: entry.label, invited: invitedByKey[entry.key] ?? 0, responded: 0))
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

    /// The key values are matched by: trimmed, case folded.
    private static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
