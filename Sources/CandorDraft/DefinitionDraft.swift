/// A drafted pipeline definition: the guessed fields and the metrics, blocks and segments
/// proposed from them, ready for ``DraftWriter``.
package struct DefinitionDraft: Sendable {
    /// The pipeline's name.
    package var name: String
    /// The exports, as the definition will name them (relative to its folder).
    package var inputs: [String]
    /// How the exports are read, with the evidence.
    package var profile: ExportProfile
    /// One guess per mapped field, in column order.
    package var fields: [FieldGuess]
    /// Adjacent Likert fields on one scale, as blocks.
    package var blocks: [Block]
    /// The metrics proposed.
    package var metrics: [Metric]
    /// Category fields with 2–30 values.
    package var segments: [String]

    /// A named block of Likert fields.
    package struct Block: Sendable, Hashable {
        /// The block's name.
        package var name: String
        /// Its fields, in column order.
        package var fields: [String]
        /// A label for its metric: the question the items share, if they share one.
        package var label: String
    }

    /// A proposed metric.
    package enum Metric: Sendable, Hashable {
        /// The share answering yes to a boolean field.
        case share(field: String, label: String)
        /// The Likert distribution of a block.
        case likertBlock(Block)
        /// The Likert distribution of one item outside any block.
        case likertItem(field: String, label: String)
        /// A Net Promoter Score.
        case nps(field: String, label: String)
        /// A multiselect's option shares.
        case multiselect(field: String, label: String)
    }

    /// The respondent id field (the first `id` guess), which the draft dedupes by.
    package var idField: String? {
        fields.first { $0.kind == .id }?.name
    }

    /// The Likert scales the fields use, each once, in order of first use.
    package var scales: [ScaleCatalogue.Scale] {
        var seen: [ScaleCatalogue.Scale] = []
        for field in fields {
            if case .likert(let scale) = field.kind, !seen.contains(scale) { seen.append(scale) }
        }
        return seen
    }

    /// The boolean field mapping Qualtrics' `Finished` column, which the draft filters on.
    package var finishedField: String? {
        guard profile.layout.format == .qualtrics else { return nil }
        // The modern export names the column Finished; the legacy one calls it V10 over "Finished".
        return fields.first { $0.kind == .boolean && ($0.column == "Finished" || $0.label == "Finished") }?.name
    }

    /// Guesses every column of `profile` and proposes what to compute.
    /// - Parameters:
    ///   - name: the pipeline's name.
    ///   - inputs: the exports as the definition should name them.
    package init(name: String, inputs: [String], profile: ExportProfile) {
        self.name = name
        self.inputs = inputs
        self.profile = profile
        fields = Self.namingScales(Self.guessFields(profile))
        blocks = Self.blocks(fields)
        segments = fields.filter { $0.segmentValues != nil }.map(\.name)
        metrics = Self.metrics(fields: fields, blocks: blocks)
    }

    private static func guessFields(_ profile: ExportProfile) -> [FieldGuess] {
        let layout = profile.layout
        let columns = profile.columns
        // A SurveyMonkey option column carries its option label as its second id.
        let optionLabels: [String?] = layout.columnIDs.map { ids in
            layout.format == .surveymonkey && ids.count > 1 ? ids[1] : nil
        }
        let runs = MultiselectDetector.perOptionRuns(columns, optionLabels: optionLabels)
        var guesses: [(header: String, guess: FieldGuess)] = []
        var index = 0
        while index < columns.count {
            let column = columns[index]
            let label = column.question ?? column.name
            if let run = runs.first(where: { $0.lowerBound == index }) {
                let options = run.map { FieldGuess.OptionColumn(option: optionLabels[$0]!, column: columns[$0].name) }
                let evidence =
                    "multiselect: \(run.count) adjacent columns under one question, each answered with its own option label"
                guesses.append(
                    (
                        label,
                        FieldGuess(
                            name: "", column: column.name, label: label, kind: .multiselectColumns(options),
                            evidence: evidence)
                    ))
                index = run.upperBound
                continue
            }
            let (kind, evidence) = TypeInference.infer(column)
            // A legacy Qualtrics V1… column is better named after its row-2 name (ResponseID).
            let isLegacyName =
                column.name.count > 1 && column.name.first == "V" && column.name.dropFirst().allSatisfy(\.isNumber)
            let header = layout.format == .qualtrics && isLegacyName ? label : column.name
            guesses.append(
                (header, FieldGuess(name: "", column: column.name, label: label, kind: kind, evidence: evidence)))
            index += 1
        }
        let names = FieldNaming.uniqueNames(guesses.map(\.header))
        return zip(guesses, names).map { entry, name in
            var guess = entry.guess
            guess.name = name
            return guess
        }
    }

    /// One scale per family across the export: when the family's scales in use nest (an
    /// agree item nobody answered "Neither…" looks like `agree4` beside `agree5` items), every
    /// item takes the largest, and the non-answers seen on any item are declared on all. So
    /// one survey's agree items share one scale, and adjacent ones stay one block.
    private static func namingScales(_ fields: [FieldGuess]) -> [FieldGuess] {
        func family(_ scale: ScaleCatalogue.Scale) -> String { String(scale.name.prefix { !$0.isNumber }) }
        var used: [String: [ScaleCatalogue.Scale]] = [:]
        var declined: [String: [String]] = [:]
        for field in fields {
            guard case .likert(let scale) = field.kind else { continue }
            used[family(scale), default: []].append(scale)
            for text in scale.nonAnswers where !declined[family(scale), default: []].contains(text) {
                declined[family(scale), default: []].append(text)
            }
        }
        return fields.map { field in
            guard case .likert(var scale) = field.kind else { return field }
            let relatives = used[family(scale)] ?? []
            if let largest = relatives.max(by: { $0.labels.count < $1.labels.count }),
                relatives.allSatisfy({ Set($0.labels).isSubset(of: largest.labels) })
            {
                scale = largest
            }
            scale.nonAnswers = declined[family(scale)] ?? []
            var merged = field
            merged.kind = .likert(scale)
            return merged
        }
    }

    /// Runs of adjacent Likert fields on the same scale, two or more long.
    private static func blocks(_ fields: [FieldGuess]) -> [Block] {
        var blocks: [Block] = []
        var taken: Set<String> = Set(fields.map(\.name))
        var start = 0
        while start < fields.count {
            guard case .likert(let scale) = fields[start].kind else {
                start += 1
                continue
            }
            var end = start + 1
            while end < fields.count, fields[end].kind == .likert(scale) { end += 1 }
            if end - start >= 2 {
                var name = "\(scale.name)_items"
                var suffix = 2
                while taken.contains(name) {
                    name = "\(scale.name)_items_\(suffix)"
                    suffix += 1
                }
                taken.insert(name)
                let members = fields[start..<end]
                blocks.append(Block(name: name, fields: members.map(\.name), label: sharedStem(members.map(\.label))))
            }
            start = end
        }
        return blocks
    }

    /// The question a grid's items share (`How much do you agree? [item]` → `How much do you
    /// agree?`), or the first and last item names when they share none.
    private static func sharedStem(_ labels: [String]) -> String {
        let stems = labels.map { label -> String in
            for marker in [" [", " - "] {
                if let range = label.range(of: marker) { return String(label[..<range.lowerBound]) }
            }
            return label
        }
        if let first = stems.first, stems.allSatisfy({ $0 == first }), labels.count > 1, first != labels[0] {
            return first
        }
        return "\(labels.first ?? "") to \(labels.last ?? "")"
    }

    private static func metrics(fields: [FieldGuess], blocks: [Block]) -> [Metric] {
        var metrics: [Metric] = []
        var blocked: Set<String> = []
        for field in fields {
            switch field.kind {
            case .boolean:
                metrics.append(.share(field: field.name, label: field.label))
            case .nps:
                metrics.append(.nps(field: field.name, label: field.label))
            case .multiselect, .multiselectColumns:
                metrics.append(.multiselect(field: field.name, label: field.label))
            case .likert:
                guard !blocked.contains(field.name) else { continue }
                if let block = blocks.first(where: { $0.fields.contains(field.name) }) {
                    metrics.append(.likertBlock(block))
                    blocked.formUnion(block.fields)
                } else {
                    metrics.append(.likertItem(field: field.name, label: field.label))
                }
            default: continue
            }
        }
        return metrics
    }
}
