import CandorAggregate
import CandorClean
import CandorReport

/// Puts a run's results, accounting and the definition's own words into a `ReportDocument`,
/// and renders it.
enum ReportAssembly {
    static func document(definition: PipelineDefinition, pass: StreamingPass) -> ReportDocument {
        let schema = definition.schema
        var favourableRules: [String] = []
        var seenScales: Set<String> = []
        for field in schema.fields {
            guard case .likert(let scale, _) = field.kind, seenScales.insert(scale.name).inserted else { continue }
            favourableRules.append(
                "Scale \(scale.name): favourable = \(scale.favourableDescription); unfavourable = \(scale.unfavourable.sorted().map(String.init).joined(separator: ", ")); the rest neutral. Declared non-answers (\(scale.nonAnswers.isEmpty ? "none" : scale.nonAnswers.joined(separator: ", "))) are left out of the item's base."
            )
        }
        let engagementRules = pass.results.compactMap { result -> String? in
            if case .engagement(_, _, _, _, let rule) = result.detail { return "\(result.label): \(rule)" }
            return nil
        }
        var tests: [String] = []
        for result in pass.results {
            for table in result.segments where !tests.contains(table.test) { tests.append(table.test) }
        }
        let methods = ReportMethods(
            minGroupSize: definition.plan.privacy.minGroupSize,
            maxIntervalWidth: definition.plan.privacy.maxIntervalWidth,
            favourableRules: favourableRules, engagementRules: engagementRules, segmentTests: tests,
            weightingNote: schema.weightField.map {
                "Responses are weighted by the field \(schema.fields[$0].name); intervals use Kish's effective n. The anonymity threshold counts unweighted respondents."
            })
        let headlines = definition.headlines.map { spec -> Headline in
            switch spec {
            case .metric(let id, let template): .metric(metricID: id, template: template ?? "")
            case .outsideEstimate(let text, let source): .outsideEstimate(text: text, source: source)
            }
        }
        let inputs = pass.inputs.map {
            ReportInput(path: $0.path, bytes: Int($0.bytes), sha256: $0.sha256, records: $0.records)
        }
        let hasText = schema.fields.contains { if case .text = $0.kind { return true } else { return false } }
        let freeText = pass.textSamples.map { sample in
            FreeTextSection(
                field: sample.field,
                answered: pass.accounting.accepted - (pass.accounting.blanks[sample.field] ?? 0),
                quotes: sample.answers, minGroupSize: definition.freeText.minGroupSize)
        }
        return ReportDocument(
            pipeline: ReportPipeline(
                name: definition.name, title: definition.title, definitionSHA256: definition.sha256),
            inputs: inputs, accounting: pass.accounting, headlines: headlines, metrics: pass.results, methods: methods,
            freeTextNote: !hasText
                ? nil
                : definition.freeText.allowed
                    ? "Quoted because the pipeline opted in (privacy.free_text), only for fields that at least \(definition.freeText.minGroupSize) respondents answered; at most \(definition.freeText.quoteLimit) answers per field, the first in input order."
                    : "Free-text answers are counted but not quoted: they may identify people. A pipeline can opt in (privacy.free_text).",
            freeText: freeText)
    }

    static func markdown(_ document: ReportDocument) -> String { MarkdownReport.render(document) }

    static func json(_ document: ReportDocument) -> String { JSONReport.render(document) }
}
