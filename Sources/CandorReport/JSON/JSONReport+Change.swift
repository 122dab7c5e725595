import CandorAggregate

extension JSONReport {
    /// A change object: previous wave, previous value, difference, the test and its verdict.
    static func change(_ change: FigureChange, unit: FigureUnit) -> JSONValue {
        var members: [String: JSONValue] = [
            "previous_wave": .string(change.previousWave),
            "previous_value": number(change.previousValue, unit: unit),
            "difference": number(change.difference, unit: unit),
            "test": .optional(change.test?.rawValue),
            "p_value": .decimal(change.pValue, places: 6),
            "p_adjusted": .decimal(change.pAdjusted, places: 6),
            "significant": change.significant.map(JSONValue.bool) ?? .null,
        ]
        if let meaningful = change.meaningful { members["meaningful"] = .bool(meaningful) }
        return .object(members)
    }

    /// The report-wide part: this wave, the previous one, what could not be compared, and the
    /// headlines' trend. `nil` without a previous wave, so a report of a first wave is as before.
    static func waves(_ document: ReportDocument) -> JSONValue? {
        guard let changes = document.waveChanges else { return nil }
        let changed = document.metrics.filter { changes.metrics[$0.id]?.definitionChanged == true }.map(\.id)
        let units = Dictionary(document.metrics.map { ($0.id, $0.kind.unit) }, uniquingKeysWith: { first, _ in first })
        return .object([
            "wave": .string(changes.wave),
            "previous_wave": .string(changes.previousWave),
            "minimum_difference": .decimal(changes.minimumDifference, places: 2),
            "definition_changed": .array(changed.map(JSONValue.string)),
            "method": .string(WaveChanges.methodNote),
            "trend": .array(
                changes.trend.map { wave in
                    .object([
                        "wave": .string(wave.wave),
                        "figures": .object(
                            Dictionary(
                                uniqueKeysWithValues: wave.figures.map { id, published in
                                    (id, figure(published, unit: units[id] ?? .fraction))
                                })),
                    ])
                }),
        ])
    }
}
