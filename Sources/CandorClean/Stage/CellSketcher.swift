import CandorCore

/// Turns an accepted response into its `SetSketch` entry and adds it to the sketches of the cells
/// it belongs to (see `CellSketches`).
///
/// The entry is (keyed hash of the respondent id, keyed hash of the answers). Category answers
/// are hashed by their label, not their code, so that the same answers hash alike in every run;
/// a pipeline without an id field uses the answers' hash as the id. Label hashes are cached per
/// category code, so a response costs one hash of its words and a few dictionary updates.
struct CellSketcher: Sendable {
    /// The key, capacity and cells.
    let plan: CellSketchPlan
    /// Per field: the label hash of each category code seen so far (0: not worked out yet).
    private var categoryHashes: [[UInt64]]
    /// Per field: the label hash of each other stored value used as a group (booleans, Likert).
    private var valueHashes: [[Int64: UInt64]]
    /// Scratch for one response's words.
    private var words: [UInt64]

    init(plan: CellSketchPlan, fieldCount: Int) {
        self.plan = plan
        categoryHashes = Array(repeating: [], count: fieldCount)
        valueHashes = Array(repeating: [:], count: fieldCount)
        words = Array(repeating: 0, count: fieldCount)
    }

    /// Adds the response `row` (its id's bytes `id`, when the schema has an id field) to the
    /// overall cell and to its group's cell of every segment field and pair.
    mutating func add(
        row: [Int64], id: UnsafeRawBufferPointer?, schema: SurveySchema, decoders: [FieldDecoder],
        into sketches: inout CellSketches
    ) {
        for field in row.indices {
            let word = row[field]
            words[field] =
                word != Response.missing && decoders[field].categories != nil
                ? labelHash(field, word, schema: schema, decoders: decoders) : UInt64(bitPattern: word)
        }
        let answers = plan.hash.hash(words: words)
        let entry = SetSketch.Entry(id: id.map { plan.hash.hash($0) } ?? answers, value: answers)
        sketches.insert(entry, into: CellSketches.Key(table: 0))
        for (index, field) in plan.segments.enumerated() {
            let group = labelHash(field, row[field], schema: schema, decoders: decoders)
            sketches.insert(entry, into: CellSketches.Key(table: 1 + index, first: group))
        }
        for (index, pair) in plan.pairs.enumerated() {
            let first = labelHash(pair[0], row[pair[0]], schema: schema, decoders: decoders)
            let second = labelHash(pair[1], row[pair[1]], schema: schema, decoders: decoders)
            sketches.insert(
                entry, into: CellSketches.Key(table: 1 + plan.segments.count + index, first: first, second: second))
        }
    }

    /// The keyed hash of the label a report gives `word` of `field` (0 when unanswered); see
    /// ``CellSketches/labelHash(_:hash:)``.
    private mutating func labelHash(
        _ field: Int, _ word: Int64, schema: SurveySchema, decoders: [FieldDecoder]
    ) -> UInt64 {
        guard word != Response.missing else { return 0 }
        if let table = decoders[field].categories, word >= 0, word < table.count {
            let code = Int(word)
            if code < categoryHashes[field].count, categoryHashes[field][code] != 0 {
                return categoryHashes[field][code]
            }
            if code >= categoryHashes[field].count {
                categoryHashes[field] += Array(repeating: 0, count: code + 1 - categoryHashes[field].count)
            }
            let hash = table.withLabelBytes(code) { CellSketches.labelHash($0, hash: plan.hash) }
            categoryHashes[field][code] = hash
            return hash
        }
        if let known = valueHashes[field][word] { return known }
        let hash = CellSketches.labelHash(
            CellSketches.groupLabel(of: word, field: schema.fields[field]), hash: plan.hash)
        valueHashes[field][word] = hash
        return hash
    }
}

extension CellSketches {
    /// The keyed hash that names a group labelled `label` in a cell's key: never 0, which marks
    /// a blank value.
    package static func labelHash(_ label: String, hash: KeyedHash) -> UInt64 {
        var label = label
        return label.withUTF8 { labelHash(UnsafeRawBufferPointer($0), hash: hash) }
    }

    static func labelHash(_ bytes: UnsafeRawBufferPointer, hash: KeyedHash) -> UInt64 {
        max(1, hash.hash(bytes))
    }

    /// The label a report gives a group of a field that is not a category: No/Yes for a boolean,
    /// the answer's label for a Likert item (a reverse-coded item stores min + max − answer), the
    /// value itself otherwise. Must agree with `Aggregator`'s group labels.
    static func groupLabel(of word: Int64, field: FieldSpec) -> String {
        switch field.kind {
        case .boolean: return word == 0 ? "No" : word == 1 ? "Yes" : String(word)
        case .likert(let scale, let reversed):
            let point = Int(word)
            return scale.label(of: reversed ? scale.minimum + scale.maximum - point : point)
        default: return String(word)
        }
    }
}
