import CandorAggregate

extension JSONReport {
    /// `response_rate`: the overall rate, `by_segment` rows, `by_night` (the current wave's nights,
    /// empty unless there are two or more) and warnings (see the schema).
    static func participation(_ section: ParticipationSection) -> JSONValue {
        var members = rateMembers(section.rates.overall, reason: "fewer invited than the anonymity threshold")
        members["roster"] = .string(section.roster)
        members["target"] = .decimal(section.rates.target, places: 6)
        members["warnings"] = .array(section.warnings.map(JSONValue.string))
        members["by_segment"] = .array(
            section.rates.rows.map { row in
                var members = rateMembers(row.rate, reason: row.suppressionReason)
                members["field"] = .string(row.field)
                members["labels"] = .array(row.labels.map(JSONValue.string))
                return .object(members)
            })
        members["by_night"] = .array(
            section.byNight.map { night in
                .object([
                    "run_time": .string(night.runTime), "invited": .integer(night.invited),
                    "responded": .integer(night.responded), "value": .decimal(night.value, places: 6),
                ])
            })
        return .object(members)
    }

    /// A rate's members: counts, value and flag only when shown, like a figure's.
    private static func rateMembers(_ rate: ResponseRates.Rate?, reason: String?) -> [String: JSONValue] {
        guard let rate else { return ["suppressed": .bool(true), "suppression_reason": .optional(reason)] }
        return [
            "suppressed": .bool(false), "suppression_reason": .null, "invited": .integer(rate.invited),
            "responded": .integer(rate.responded), "value": .decimal(rate.value, places: 6),
            "below_target": .bool(rate.belowTarget),
        ]
    }
}
