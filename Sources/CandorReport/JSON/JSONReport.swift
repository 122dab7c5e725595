import CandorAggregate
import CandorClean

/// Renders a `ReportDocument` as the JSON report described by `Docs/report-schema.json`.
///
/// The bytes are stable: keys sorted by their UTF-8 bytes, numbers rounded and written by hand
/// (fractions to 6 decimals, points and counts to 2, trailing zeros dropped), no wall-clock
/// time, and a trailing newline. A suppressed figure carries no `n`, `value`, `count` or `ci`.
package enum JSONReport {
    /// The schema version written as `schema_version`; bump it on any breaking change.
    package static let schemaVersion = "1"

    /// The report as JSON text, ending with a newline.
    package static func render(_ document: ReportDocument) -> String {
        value(document).text + "\n"
    }

    /// The report as a JSON tree.
    static func value(_ document: ReportDocument) -> JSONValue {
        var members: [String: JSONValue] = [
            "schema_version": .string(schemaVersion),
            "pipeline": .object([
                "name": .string(document.pipeline.name),
                "title": .string(document.pipeline.title),
                "definition_sha256": .string(document.pipeline.definitionSHA256),
            ]),
            "as_of": document.asOf.map(asOf) ?? .null,
            "inputs": .array(
                document.inputs.map { input in
                    .object([
                        "path": .string(input.path), "bytes": .integer(input.bytes), "sha256": .string(input.sha256),
                        "records": .integer(input.records),
                    ])
                }),
            "accounting": accounting(document.accounting, inputs: document.inputs),
            "headlines": .array(document.headlines.map { headline(($0), in: document) }),
            "metrics": .array(document.metrics.map { metric($0, changes: document.waveChanges) }),
            "segments": .array(
                document.metrics.flatMap { metric in
                    metric.segments.map {
                        segment(
                            $0, metricID: metric.id, unit: metric.kind.unit,
                            changes: document.waveChanges?.metrics[metric.id]?.segments[$0.name])
                    }
                }),
            "methods": methods(document),
            "free_text": .array(
                document.freeText.map { section in
                    var members: [String: JSONValue] = [
                        "field": .string(section.field), "suppressed": .bool(section.suppressed),
                        "min_group_size": .integer(section.minGroupSize),
                    ]
                    if !section.suppressed {
                        members["answered"] = .integer(section.answered)
                        members["quotes"] = .array(section.quotes.map(JSONValue.string))
                    }
                    return .object(members)
                }),
        ]
        // Only with a roster, so reports of pipelines without one keep their bytes.
        if let section = document.participation { members["response_rate"] = participation(section) }
        if let section = document.weighting { members["weighting"] = weighting(section) }
        // Only when the definition labels something, so unlabelled reports keep their bytes.
        if !document.questionText.isEmpty {
            members["questions"] = .object(document.questionText.mapValues(JSONValue.string))
        }
        if !document.blockThemes.isEmpty {
            members["themes"] = .object(document.blockThemes.mapValues(JSONValue.string))
        }
        if let waves = waves(document) { members["waves"] = waves }
        // Only when a run of an open wave kept something, so other reports keep their bytes.
        if let held = document.heldCells { members["holds"] = holds(held) }
        return .object(members)
    }

    private static func asOf(_ date: ReportDate) -> JSONValue {
        switch date.source {
        case .option: .object(["date": .string(date.date), "source": .string("option"), "field": .null])
        case .field(let name):
            .object(["date": .string(date.date), "source": .string("field"), "field": .string(name)])
        }
    }

    private static func accounting(_ accounting: CleanAccounting, inputs: [ReportInput]) -> JSONValue {
        let counts: ([String: Int]) -> JSONValue = { .object($0.mapValues(JSONValue.integer)) }
        return .object([
            "read": .integer(accounting.read),
            "accepted": .integer(accounting.accepted),
            "rejected": .integer(accounting.rejected),
            "excluded": .integer(accounting.excluded),
            "balances": .bool(accounting.balances),
            "rejected_by_reason": .object(
                Dictionary(
                    uniqueKeysWithValues: accounting.rejectedByReason.map {
                        ($0.key.rawValue, JSONValue.integer($0.value))
                    })),
            "excluded_by_filter": counts(accounting.excludedByFilter),
            "data_quality": .object([
                "blanks": counts(accounting.blanks),
                "non_answers": counts(accounting.nonAnswers),
                "invalid_as_missing": counts(accounting.invalidAsMissing),
                "identical_rows": accounting.identicalRows.map(JSONValue.integer) ?? .null,
                "straight_lining": .object(
                    accounting.straightLining.mapValues {
                        .object(["flagged": .integer($0.flagged), "answered_all": .integer($0.answeredAll)])
                    }),
                "encoding_fallbacks": .object(
                    Dictionary(
                        inputs.compactMap { input in
                            input.readAsWindows1252From.map {
                                (
                                    input.path,
                                    JSONValue.object([
                                        "read_as": .string("windows-1252"), "first_non_utf8_offset": .integer(Int($0)),
                                    ])
                                )
                            }
                        }, uniquingKeysWith: { first, _ in first })),
            ]),
            "per_input": .object(
                accounting.perInput.mapValues {
                    .object([
                        "read": .integer($0.read), "accepted": .integer($0.accepted), "rejected": .integer($0.rejected),
                        "excluded": .integer($0.excluded),
                    ])
                }),
        ])
    }

    private static func headline(_ headline: Headline, in document: ReportDocument) -> JSONValue {
        let text = JSONValue.string(HeadlineText.render(headline, in: document, style: .plain))
        switch headline {
        case .metric(let metricID, _):
            return .object([
                "text": text, "metric_id": .string(metricID), "outside_estimate": .bool(false), "source": .null,
            ])
        case .outsideEstimate(_, let source):
            return .object([
                "text": text, "metric_id": .null, "outside_estimate": .bool(true), "source": .string(source),
            ])
        }
    }

    private static func metric(_ metric: MetricResult, changes: WaveChanges?) -> JSONValue {
        var members = figureMembers(metric.overall, unit: metric.kind.unit)
        if let overall = changes?.metrics[metric.id]?.overall {
            members["change"] = change(overall, unit: metric.kind.unit)
        }
        members["id"] = .string(metric.id)
        members["kind"] = .string(metric.kind.name)
        members["label"] = .string(metric.label)
        members["detail"] = detail(metric.detail)
        members["base"] = .optional(metric.base)
        return .object(members)
    }

    private static func segment(
        _ table: SegmentTable, metricID: String, unit: FigureUnit, changes: [[String]: FigureChange]?
    ) -> JSONValue {
        .object([
            "metric_id": .string(metricID),
            "name": .string(table.name),
            "fields": .array(table.fields.map(JSONValue.string)),
            "test": .string(table.test),
            "p_adjustment": .string(table.adjustment.rawValue),
            "rows": .array(
                table.rows.map { row in
                    var members = figureMembers(row.figure, unit: unit)
                    members["labels"] = .array(row.labels.map(JSONValue.string))
                    if !row.figure.suppressed {
                        members["difference"] = number(row.difference, unit: unit)
                        members["p_value"] = .decimal(row.pValue, places: 6)
                        members["p_adjusted"] = .decimal(row.pAdjusted, places: 6)
                        members["test_used"] = .optional(row.test?.code)
                        members["significant"] = row.significant.map(JSONValue.bool) ?? .null
                    }
                    if let rowChange = changes?[row.labels] { members["change"] = change(rowChange, unit: unit) }
                    if let since = row.heldSince { members["held_since"] = .string(since) }
                    return .object(members)
                }),
        ])
    }

    private static func methods(_ document: ReportDocument) -> JSONValue {
        let methods = document.methods
        return .object([
            "interval_method": .string(methods.intervalMethod),
            "min_group_size": .integer(methods.minGroupSize),
            "max_interval_width": .decimal(methods.maxIntervalWidth, places: 6),
            "favourable_rules": .array(methods.favourableRules.map(JSONValue.string)),
            "enps_buckets": .optional(methods.enpsBuckets),
            "interval_methods": .object(
                Dictionary(
                    methods.intervalMethods.map { ($0.rawValue, JSONValue.string($0.explanation)) },
                    uniquingKeysWith: { first, _ in first })),
            "p_adjustment": .optional(methods.adjustment?.rawValue),
            "p_adjustment_text": .optional(methods.adjustment?.explanation),
            "engagement_rules": .array(methods.engagementRules.map(JSONValue.string)),
            "segment_tests": .array(methods.segmentTests.map(JSONValue.string)),
            "likert_index": .optional(methods.likertIndexNote),
            "weighting": .optional(methods.weightingNote),
            "rounding": .string(methods.rounding),
            "free_text": .optional(document.freeTextNote),
            "definitions": .object(
                Dictionary(
                    document.metrics.map { ($0.id, JSONValue.string($0.definitionText)) },
                    uniquingKeysWith: { first, _ in first })),
        ])
    }

    /// The members every figure has: flags always; numbers only when not suppressed.
    static func figureMembers(_ figure: Figure, unit: FigureUnit) -> [String: JSONValue] {
        var members: [String: JSONValue] = [
            "suppressed": .bool(figure.suppressed),
            "suppression_reason": figure.suppressed ? .optional(figure.suppressionReason) : .null,
            "unreliable": .bool(!figure.suppressed && figure.unreliable),
        ]
        guard !figure.suppressed else { return members }
        members["n"] = .integer(figure.n)
        members["value"] = number(figure.value, unit: unit)
        members["count"] = .decimal(figure.count, places: 2)
        members["ci"] =
            figure.interval.map { .object(["low": number($0.low, unit: unit), "high": number($0.high, unit: unit)]) }
            ?? .null
        if let interval = figure.interval { members["interval_method"] = .string(interval.method.rawValue) }
        if let effectiveN = figure.effectiveN { members["effective_n"] = .decimal(effectiveN, places: 2) }
        if let answers = figure.answers { members["answers"] = .decimal(answers, places: 2) }
        if let split = figure.promoterSplit {
            members["promoters"] = .decimal(split.promoters, places: 2)
            members["detractors"] = .decimal(split.detractors, places: 2)
        }
        return members
    }

    /// A figure object on its own.
    static func figure(_ figure: Figure, unit: FigureUnit) -> JSONValue {
        .object(figureMembers(figure, unit: unit))
    }

    /// A number in `unit`: fractions, coefficients and means to 6 decimals, points to 2.
    static func number(_ value: Double?, unit: FigureUnit) -> JSONValue {
        .decimal(value, places: ReportNumber.places(unit))
    }
}
