import CandorIngest

extension SurveySchema {
    /// The field that identifies a respondent: the dedupe field, else the first `id` field.
    package var respondentField: Int? {
        if let dedupe { return dedupe.field }
        return fields.firstIndex { if case .id = $0.kind { true } else { false } }
    }

    /// The column of `layout` that field `field` reads, found as a run finds it (column id,
    /// then header, then ignoring case), or `nil` when the header lacks it.
    package func column(ofField field: Int, in layout: HeaderLayout) -> Int? {
        guard fields.indices.contains(field) else { return nil }
        return ColumnBinder.column(of: fields[field].source, in: layout)
    }
}
