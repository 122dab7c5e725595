import CandorAggregate
import CandorClean
import CandorReport

/// Puts a run's results, accounting and the definition's own words into a `ReportDocument`,
/// which each requested format's `ReportRenderer` then writes.
enum ReportAssembly {
    /// The document of a finished pass; with a roster, its response rates.
    /// - Throws: `RunFailure` when a group has more respondents than the roster invited.
    static func document(
        definition: PipelineDefinition, pass: StreamingPass, asOf: ReportDate? = nil, roster: Roster? = nil
    ) throws(RunFailure) -> ReportDocument {
        let schema = definition.schema
        let dated =
            asOf
            ?? pass.accounting.latestTimestamp.flatMap { seconds in
                schema.fields.first { if case .timestamp = $0.kind { true } else { false } }
                    .map { ReportDate(epochSeconds: seconds, field: $0.name) }
            }
        let methods = ReportMethods(plan: definition.plan, results: pass.results)
        let headlines = definition.headlines.map { spec -> Headline in
            switch spec {
            case .metric(let id, let template): .metric(metricID: id, template: template ?? "")
            case .outsideEstimate(let text, let source): .outsideEstimate(text: text, source: source)
            }
        }
        let inputs = zip(pass.inputs, pass.shapes).map { input, shape in
            var fallback: Int64?
            if case .windows1252(let first) = shape.encodingGuess { fallback = first.offset }
            return ReportInput(
                path: input.path, bytes: Int(input.bytes), sha256: input.sha256, records: input.records,
                readAsWindows1252From: fallback)
        }
        let freeText = pass.textSamples.map { sample in
            FreeTextSection(
                field: sample.field,
                answered: pass.accounting.accepted - (pass.accounting.blanks[sample.field] ?? 0),
                quotes: sample.answers, minGroupSize: definition.freeText.minGroupSize)
        }
        var participation: ParticipationSection?
        if let roster, let spec = definition.population {
            let (rates, warnings) = try ResponseRateAssembly.rates(
                roster: roster, spec: spec, schema: schema, accepted: pass.accounting.accepted,
                respondents: pass.headcounts, minGroupSize: definition.plan.privacy.minGroupSize)
            participation = ParticipationSection(roster: spec.displayPath, rates: rates, warnings: warnings)
        }
        var document = ReportDocument(
            pipeline: ReportPipeline(
                name: definition.name, title: definition.title, definitionSHA256: definition.sha256),
            inputs: inputs, accounting: pass.accounting, headlines: headlines, metrics: pass.results, methods: methods,
            freeTextNote: ReportMethods.freeTextNote(
                schema: schema, quoted: definition.freeText.allowed, minGroupSize: definition.freeText.minGroupSize,
                quoteLimit: definition.freeText.quoteLimit),
            freeText: freeText, asOf: dated)
        document.participation = participation
        if var weighting = pass.weighting {
            if let participation, let roster {
                weighting.hideCounts(as: participation.rates, roster: roster, schema: schema)
            }
            document.weighting = weighting
            document.methods.weightingNote = WeightingSection.methodsNote(weighting)
        }
        for field in schema.fields { document.questionText[field.name] = field.label }
        for block in schema.blocks { document.blockThemes[block.name] = block.label }
        return document
    }
}
