import CandorIngest

/// Writes a ``DefinitionDraft`` as a pipeline definition file: a `yaml-language-server`
/// schema line, then every section in the reference's order, each guess under a `# guessed:`
/// comment saying what it saw. Every text value is quoted (``YAMLScalar``), so options and
/// labels holding commas, colons or quotes read back as written.
package enum DraftWriter {
    /// The definition text.
    /// - Parameter schema: the path or URL of `Docs/pipeline-schema.json` as seen from where
    ///   the definition will be saved.
    package static func render(_ draft: DefinitionDraft, schema: String) -> String {
        var out: [String] = []
        let profile = draft.profile
        let exports = profile.files.count == 1 ? "1 export" : "\(profile.files.count) exports"
        out += [
            "# yaml-language-server: $schema=\(schema)",
            "# Drafted by `candor init` from \(exports): \(profile.records) records, \(profile.rejected) of them "
                + "unreadable (left out of the guesses).",
            "# Each `# guessed:` comment says what a guess rests on. Check them and rename what you like, then",
            "# `candor validate` and `candor run` this file. Docs/PIPELINE.md describes every key.",
            "version: 1",
            "name: \(YAMLScalar.quoted(draft.name))",
            "inputs: \(YAMLScalar.list(draft.inputs))",
            "",
            "read:",
            "  # guessed: \(formatEvidence(profile.layout))",
            "  format: \(YAMLScalar.quoted(profile.layout.format.rawValue))",
            "  # guessed: \(encodingEvidence(profile))",
            "  encoding: \(YAMLScalar.quoted(profile.encoding.rawValue))",
            "  # guessed: detected from the header line",
            "  delimiter: \(YAMLScalar.quoted(profile.delimiter == 0x09 ? "\t" : String(UnicodeScalar(profile.delimiter))))",
        ]
        let scales = draft.scales
        if !scales.isEmpty {
            out += ["", "scales:"]
            for scale in scales {
                out += ["  \(YAMLScalar.name(scale.name)):", "    labels: \(YAMLScalar.list(scale.labels))"]
                if !scale.nonAnswers.isEmpty { out.append("    non_answers: \(YAMLScalar.list(scale.nonAnswers))") }
            }
        }
        out += ["", "fields:"]
        for field in draft.fields { out += lines(field) }
        if !draft.blocks.isEmpty {
            out += ["", "# guessed: adjacent Likert items on one scale", "blocks:"]
            for block in draft.blocks {
                out.append(
                    "  \(YAMLScalar.name(block.name)): [\(block.fields.map(YAMLScalar.name).joined(separator: ", "))]")
            }
        }
        if let id = draft.idField {
            out += [
                "", "# guessed: a repeated id is a duplicate response; the first one counts", "dedupe:",
                "  by: \(YAMLScalar.name(id))", "  keep: first",
            ]
        }
        if let finished = draft.finishedField {
            out += [
                "", "# guessed: Qualtrics counts unfinished responses too; they are left out with a counted reason",
                "filters:", "  - name: finished", "    where: {field: \(YAMLScalar.name(finished)), equals: true}",
            ]
        }
        if !draft.metrics.isEmpty {
            out += [
                "", "# guessed: a share per yes/no question, a Likert summary per block, NPS, multiselect shares",
                "metrics:",
            ]
            for metric in draft.metrics { out += lines(metric) }
        }
        if !draft.segments.isEmpty {
            out += [
                "", "# guessed: the categories with 2 to 30 values",
                "segments: [\(draft.segments.map(YAMLScalar.name).joined(separator: ", "))]",
            ]
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func encodingEvidence(_ profile: ExportProfile) -> String {
        if profile.encodingDeclared { return "as given" }
        if profile.encoding == .windows1252 {
            return "not UTF-8, and no byte-order mark: read as Windows-1252, as Excel on Windows writes CSV"
        }
        if profile.invalidUTF8 > 0 {
            return
                "UTF-8 at the start, but \(profile.invalidUTF8) records are not: declare their encoding if you know it"
        }
        return "detected: a byte-order mark decides, else the bytes (UTF-8 or Windows-1252)"
    }

    private static func formatEvidence(_ layout: HeaderLayout) -> String {
        switch layout.format {
        case .generic: return "one header row of column names"
        case .qualtrics: return "a Qualtrics export: \(layout.headerRows) header rows"
        case .surveymonkey: return "a SurveyMonkey export: 2 header rows, starting with its id columns"
        case .googleForms: return "a Google Forms export: one header row starting with Timestamp"
        case .msForms: return "a Microsoft Forms export: its ID, Start time, Completion time, Email, Name columns"
        }
    }

    private static func lines(_ field: FieldGuess) -> [String] {
        var lines = [
            "  # guessed: \(YAMLScalar.comment(field.evidence))",
            "  - name: \(YAMLScalar.name(field.name))",
        ]
        func type(_ name: String) { lines.append("    type: \(name)") }
        func column() { lines.append("    column: \(YAMLScalar.quoted(field.column))") }
        switch field.kind {
        case .id:
            type("id")
            column()
        case .timestamp(let pattern):
            type("timestamp")
            column()
            lines.append("    formats: \(YAMLScalar.list([pattern]))")
        case .likert(let scale):
            type("likert")
            column()
            lines.append("    scale: \(YAMLScalar.name(scale.name))")
        case .nps:
            type("integer")
            column()
            lines += ["    min: 0", "    max: 10"]
        case .multiselect(let separator, let options, let noneOption):
            type("multiselect")
            column()
            lines += ["    separator: \(YAMLScalar.quoted(separator))", "    options: \(YAMLScalar.list(options))"]
            if let noneOption { lines.append("    none_option: \(YAMLScalar.quoted(noneOption))") }
        case .multiselectColumns(let columns):
            type("multiselect")
            lines.append("    columns:")
            for entry in columns {
                lines.append("      \(YAMLScalar.quoted(entry.option)): \(YAMLScalar.quoted(entry.column))")
            }
            if let none = columns.map(\.option).first(where: { $0.lowercased().hasPrefix("none") }) {
                lines.append("    none_option: \(YAMLScalar.quoted(none))")
            }
        case .category(let values):
            type("category")
            column()
            if !values.isEmpty { lines.append("    values: \(YAMLScalar.list(values))") }
        case .boolean:
            type("boolean")
            column()
        case .integer:
            type("integer")
            column()
        case .number:
            type("number")
            column()
        case .text:
            type("text")
            column()
        }
        return lines
    }

    private static func lines(_ metric: DefinitionDraft.Metric) -> [String] {
        func entry(id: String, kind: String, label: String, _ rest: [String]) -> [String] {
            ["  - id: \(YAMLScalar.name(id))", "    kind: \(kind)", "    label: \(YAMLScalar.quoted(label))"]
                + rest.map { "    " + $0 }
        }
        switch metric {
        case .share(let field, let label):
            return entry(
                id: field, kind: "share", label: "\(label): yes",
                ["where: {field: \(YAMLScalar.name(field)), equals: true}"])
        case .likertBlock(let block):
            return entry(id: block.name, kind: "likert", label: block.label, ["block: \(YAMLScalar.name(block.name))"])
        case .likertItem(let field, let label):
            return entry(id: field, kind: "likert", label: label, ["items: [\(YAMLScalar.name(field))]"])
        case .nps(let field, let label):
            return entry(id: field, kind: "nps", label: label, ["field: \(YAMLScalar.name(field))"])
        case .multiselect(let field, let label):
            return entry(id: field, kind: "multiselect", label: label, ["field: \(YAMLScalar.name(field))"])
        }
    }
}
