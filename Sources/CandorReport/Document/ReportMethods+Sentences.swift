import CandorAggregate
import CandorClean
import CandorCore

extension ReportMethods {
    /// The methods a report of `plan`'s `results` states: the plan's thresholds, every Likert
    /// scale's favourable rule, every engagement rule, the segment tests used and the weighting.
    package init(plan: AggregationPlan, results: [MetricResult]) {
        let schema = plan.schema
        var favourableRules: [String] = []
        var seenScales: Set<String> = []
        for field in schema.fields {
            guard case .likert(let scale, _) = field.kind, seenScales.insert(scale.name).inserted else { continue }
            let unfavourable = scale.unfavourable.sorted().map(String.init).joined(separator: ", ")
            let nonAnswers = scale.nonAnswers.isEmpty ? "none" : QuotedList.text(scale.nonAnswers)
            favourableRules.append(
                "Scale \(scale.name): favourable = \(scale.favourableDescription); unfavourable = \(unfavourable); the"
                    + " rest neutral. Declared non-answers (\(nonAnswers)) are left out of the item's base.")
        }
        let engagementRules = results.compactMap { result -> String? in
            if case .engagement(_, _, _, _, let rule) = result.detail { return "\(result.label): \(rule)" }
            return nil
        }
        let reversed = schema.fields.filter { if case .likert(_, true) = $0.kind { true } else { false } }
        if !reversed.isEmpty {
            favourableRules.append(
                "Reverse-coded items (" + reversed.map(\.name).joined(separator: ", ") + ") score each answer as the"
                    + " scale's lowest + highest point − the answer: favourable, neutral, unfavourable, the mean and"
                    + " every score use the reversed point; distributions show the answers given under their labels,"
                    + " and conditions (where, among) name the answer given.")
        }
        let hasIndex = results.contains { if case .likert(_, .some) = $0.detail { true } else { false } }
        var tests: [String] = []
        for result in results {
            for table in result.segments where !tests.contains(table.test) { tests.append(table.test) }
        }
        let usedMethods = Set(results.flatMap(\.allFigures).compactMap { $0.suppressed ? nil : $0.interval?.method })
        let hasNPS = results.contains { if case .nps = $0.detail { return true } else { return false } }
        self.init(
            minGroupSize: plan.privacy.minGroupSize, maxIntervalWidth: plan.privacy.maxIntervalWidth,
            favourableRules: favourableRules, enpsBuckets: hasNPS ? Self.defaultENPSBuckets : nil,
            engagementRules: engagementRules, segmentTests: tests,
            weightingNote: schema.weightField.map {
                "Responses are weighted by the field \(schema.fields[$0].name); intervals use Kish's effective n."
                    + " The anonymity threshold counts unweighted respondents."
            },
            intervalMethods: IntervalMethod.allCases.filter(usedMethods.contains),
            adjustment: results.contains { !$0.segments.isEmpty } ? plan.adjustment : nil)
        likertIndexNote = hasIndex ? Self.likertIndexMethod : nil
    }

    /// What the report says about free-text answers; `nil` when the schema has no text field.
    ///
    /// - Parameters:
    ///   - quoted: Whether the pipeline opted in to quoting them.
    ///   - minGroupSize: The free-text threshold.
    ///   - quoteLimit: The most answers quoted per field.
    package static func freeTextNote(schema: SurveySchema, quoted: Bool, minGroupSize: Int, quoteLimit: Int) -> String?
    {
        let hasText = schema.fields.contains { if case .text = $0.kind { return true } else { return false } }
        guard hasText else { return nil }
        return quoted
            ? "Quoted because the pipeline opted in (privacy.free_text), only for fields that at least \(minGroupSize) "
                + CountNoun.form("respondent", count: minGroupSize) + " answered; at most \(quoteLimit) "
                + CountNoun.form("answer", count: quoteLimit) + " per field, the first in input order."
            : "Free-text answers are counted but not quoted: they may identify people. A pipeline can opt in"
                + " (privacy.free_text)."
    }
}
