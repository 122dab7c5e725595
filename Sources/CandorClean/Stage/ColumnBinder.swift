import CandorIngest

/// Finds each schema field's column(s) in one input's header.
///
/// A source's column id is tried first (against every id the format detector gave the column,
/// such as a Qualtrics row-1 id or ImportId), then its header text exactly, then
/// case-insensitively (also against a question text).
enum ColumnBinder {
    /// The column index of `source` in `layout`, or `nil`.
    static func column(of source: ColumnSource, in layout: HeaderLayout) -> Int? {
        if let id = source.columnID {
            if let index = layout.columnIDs.firstIndex(where: { $0.contains(id) }) { return index }
            if let index = layout.columnNames.firstIndex(of: id) { return index }
        }
        guard let header = source.header else { return nil }
        if let index = layout.columnNames.firstIndex(of: header) { return index }
        let folded = CategoryTable.fold(header)
        if let index = layout.columnNames.firstIndex(where: { CategoryTable.fold($0) == folded }) { return index }
        if let index = layout.questionTexts.firstIndex(where: { $0.map(CategoryTable.fold) == folded }) { return index }
        if let index = layout.columnIDs.firstIndex(where: { $0.contains { CategoryTable.fold($0) == folded } }) {
            return index
        }
        return nil
    }

    /// Another column with the same name as column `index`, when `source` refers to the column
    /// by that name (its header text, or a column id equal to it): the mapping would silently
    /// take the first of two columns. A source naming a distinct id (a Qualtrics ImportId) is
    /// not ambiguous.
    static func duplicate(of index: Int, referredToBy source: ColumnSource, in layout: HeaderLayout) -> Int? {
        let name = layout.columnNames[index]
        let folded = CategoryTable.fold(name)
        guard [source.header, source.columnID].contains(where: { $0.map(CategoryTable.fold) == folded }) else {
            return nil
        }
        return layout.columnNames.indices.first { $0 != index && layout.columnNames[$0] == name }
    }

    /// The columns of every field, in schema order.
    /// - Throws: `SchemaError.missingColumn` naming the first field whose column the input lacks,
    ///   `.ambiguousColumn` for the first field mapped by a header name the input repeats.
    static func bind(_ schema: SurveySchema, to layout: HeaderLayout, file: String) throws(SchemaError) -> [[Int]] {
        try schema.fields.map { field throws(SchemaError) -> [Int] in
            let sources: [ColumnSource]
            if case .multiselect(let multiselect) = field.kind {
                switch multiselect.encoding {
                case .joined: sources = [field.source]
                case .columnPerOption(let perOption), .binaryColumns(let perOption): sources = perOption
                }
            } else {
                sources = [field.source]
            }
            return try sources.map { source throws(SchemaError) -> Int in
                guard let index = column(of: source, in: layout) else {
                    throw SchemaError.missingColumn(
                        field: field.name, column: source.description, file: file, available: layout.columnNames)
                }
                if let other = duplicate(of: index, referredToBy: source, in: layout) {
                    throw SchemaError.ambiguousColumn(
                        field: field.name, header: layout.columnNames[index], firstColumn: min(index, other) + 1,
                        secondColumn: max(index, other) + 1, file: file)
                }
                return index
            }
        }
    }
}
