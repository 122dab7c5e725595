import CandorClean

/// Everything `candor init` learns about one column in its single pass over the exports, in
/// memory that does not grow with the rows: counts, up to `distinctLimit` distinct values,
/// a distinct-count sketch, and per candidate reading (integer, decimal, each known timestamp
/// format, each separator) how many answers it reads.
package struct ColumnProfile: Sendable {
    /// The column's header name.
    package var name: String
    /// The question text behind it, where the export gives one apart from the name.
    package var question: String?
    /// Clean records seen (ingest's rejects are left out).
    package var records = 0
    /// Blank answers among them.
    package var blanks = 0
    /// Distinct answers (as written) in first-seen order, at most `distinctLimit`.
    package var values: [String] = []
    /// Counts of the answers in `values`.
    package var counts: [String: Int] = [:]
    /// Answers not counted in `counts` because `distinctLimit` was reached.
    package var untracked = 0
    /// The estimated number of distinct answers, however many there are.
    package var sketch = DistinctSketch()
    /// Answers that read as whole numbers within the loader's default integer range.
    package var integers = 0
    /// Answers that read as decimal numbers (whole numbers included).
    package var decimals = 0
    /// Answers each of `TimestampCatalogue.candidates` reads, by index.
    package var timestampHits: [Int]
    /// Answers each candidate could not read, by index (a candidate stops being tried once
    /// it clearly fails).
    package var timestampMisses: [Int]
    /// Evidence for each of `MultiselectDetector.separators`.
    package var separators: [SeparatorEvidence]
    /// The longest answer, in UTF-8 bytes (characters, for the Latin text of most answers).
    package var longest = 0
    /// All answers' bytes, for the mean length.
    package var characters = 0
    /// Answers holding a line break.
    package var multiline = 0

    /// The most distinct answers tracked by value: beyond this a column is high-cardinality
    /// (an id, a free text, a category with many values).
    package static let distinctLimit = 64

    /// An empty profile for the column `name`.
    package init(name: String, question: String? = nil) {
        self.name = name
        self.question = question
        timestampHits = TimestampCatalogue.candidates.map { _ in 0 }
        timestampMisses = timestampHits
        separators = MultiselectDetector.separators.map(SeparatorEvidence.init(separator:))
    }

    /// Non-blank answers.
    package var answered: Int { records - blanks }

    /// Whether every distinct answer is counted in `counts`.
    package var isTracked: Bool { untracked == 0 }

    /// The counted answers in first-seen order.
    package var counted: [(value: String, count: Int)] { values.map { ($0, counts[$0] ?? 0) } }

    /// Answers a guess may fail to read and still stand: 1% of the answers (rounded down), so
    /// the odd invalid answer in a large export becomes a reject rather than a weaker type,
    /// while a small export must fit exactly.
    package var tolerance: Int { answered / 100 }

    /// Adds one answer, as ingest delivered it (already trimmed unless `trim_spaces: false`).
    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        records += 1
        // Byte-level checks first: this runs for every cell of the export.
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            blanks += 1
            return
        }
        let text = String(decoding: bytes, as: UTF8.self)
        sketch.add(bytes)
        if counts[text] != nil || values.count < Self.distinctLimit {
            if counts[text] == nil { values.append(text) }
            counts[text, default: 0] += 1
        } else {
            untracked += 1
        }
        if let value = NumberParsing.integer(bytes), (Int64(Int32.min)...Int64(Int32.max)).contains(value) {
            integers += 1
        }
        if NumberParsing.decimal(bytes) != nil { decimals += 1 }
        for index in timestampHits.indices {
            // A format that has failed more often than it read is no longer a contender.
            if timestampMisses[index] > 16 && timestampMisses[index] > timestampHits[index] { continue }
            if TimestampCatalogue.candidates[index].parse(bytes) != nil {
                timestampHits[index] += 1
            } else {
                timestampMisses[index] += 1
            }
        }
        // An answer without the separator is one part: a single choice, or an option's text.
        for index in separators.indices {
            if bytes.contains(separators[index].byte) {
                separators[index].add(text)
            } else {
                separators[index].addWhole(text)
            }
        }
        longest = max(longest, bytes.count)
        characters += bytes.count
        if bytes.contains(0x0A) || bytes.contains(0x0D) { multiline += 1 }
    }
}
