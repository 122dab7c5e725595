import CandorCore
import CandorIngest
import CandorStorage
import Foundation

/// Reads one schema field from ingested records.
///
/// Repeated raw values (labels, categories, joined multiselect answers) are decoded once: a
/// byte-keyed cache maps the raw bytes to the stored result, so the usual case is one hash
/// lookup and no `String`. Only a value not seen before takes the slow path.
struct FieldDecoder {
    // The stored properties that decoding a value reads come first, so that they share the
    // struct's first cache lines (a decoder is about 380 bytes, and the batch streaming through
    // the CPU's nearest cache evicts them between two records).
    /// Copied out of `spec` so the per-record path never copies a `FieldSpec` (its strings and
    /// payloads cost a retain and release each).
    let required: Bool
    let onInvalid: InvalidPolicy
    private let strategy: Strategy
    /// Whether `categories` is set, copied out for the per-record path.
    private let isCategory: Bool
    /// The first of `columns`, kept inline: reading it from the array would be a load from
    /// another allocation, and a bounds check, for every field of every record.
    private var column = 0
    /// Per record of the batch being cleaned: its cached result found by `lookAhead`, or
    /// `notFoundMarker`; empty when the batch was not looked ahead.
    private var ahead: [Int64] = []
    /// Results of values up to 32 bytes (nearly all), keyed exactly by their bytes.
    private var shortCache = ShortValueCache()
    /// A category field's table of values (`nil` for other fields); merged into by `CleanerState.absorb`.
    var categories: CategoryTable?
    /// Results of longer values (long labels, joined multiselect answers).
    private var cache = ByteInterner(expected: 64)
    private var cachedResults: [Int64] = []
    private let cachesValues: Bool
    let spec: FieldSpec
    /// The record columns this field reads (one, or one per option), set per input.
    var columns: [Int] = [] { didSet { column = columns.first ?? 0 } }
    /// A timestamp field's formats when the definition declares none: those the input's export
    /// format implies (`TimestampFormat.implied(by:)`), set per input.
    var impliedTimestampFormats = TimestampFormat.implied(by: .generic)
    private let vocabulary: [String: Int64]
    private let nonAnswers: Set<String>

    /// How values of this field are read, decided once.
    private enum Strategy {
        case cached, optionColumns(binary: Bool), uncached
    }

    /// Distinct raw values cached, at most. A category field stores every distinct value in
    /// its table anyway, so its cache is not capped (capping it sent the values past the cap,
    /// such as a hundred thousand managers' ids, down the slow path for every record); other
    /// fields stop caching at 100,000 distinct values, so junk in a Likert column cannot grow it.
    private let cacheLimit: Int
    private static let nonAnswerMarker = Int64.min + 1
    private static let invalidMarker = Int64.min + 2
    private static let notFoundMarker = Int64.min + 3
    /// Per record of the batch being looked ahead: its category value's packed key, or 0.
    private var aheadKeys: [UInt64] = []
    /// What touching the category table read, kept so that the reads stay.
    private var touchedKeys: UInt64 = 0
    /// A cache this large no longer fits the CPU's nearer caches, so each lookup may wait on
    /// memory; looking a whole batch up in one loop lets those waits overlap.
    private static let lookAheadThreshold = 8192

    init(spec: FieldSpec) {
        self.spec = spec
        required = spec.required
        onInvalid = spec.onInvalid
        var vocabulary: [String: Int64] = [:]
        var nonAnswers: Set<String> = []
        switch spec.kind {
        case .category(let category):
            categories = CategoryTable(category)
            cachesValues = true
        case .likert(let scale, let reverse):
            for (index, point) in scale.points.enumerated() {
                let stored = Int64(reverse ? scale.minimum + scale.maximum - point : point)
                vocabulary[String(point)] = stored
                if index < scale.labels.count { vocabulary[CategoryTable.fold(scale.labels[index])] = stored }
            }
            nonAnswers = Set(scale.nonAnswers.map(CategoryTable.fold))
            cachesValues = true
        case .boolean(let boolean):
            for text in boolean.trueValues { vocabulary[CategoryTable.fold(text)] = 1 }
            for text in boolean.falseValues { vocabulary[CategoryTable.fold(text)] = 0 }
            cachesValues = true
        case .multiselect(let multiselect):
            if case .joined = multiselect.encoding { cachesValues = true } else { cachesValues = false }
        case .id, .integer, .number, .timestamp, .text:
            cachesValues = false
        }
        if case .category = spec.kind { cacheLimit = .max } else { cacheLimit = 100_000 }
        isCategory = categories != nil
        self.vocabulary = vocabulary
        self.nonAnswers = nonAnswers
        if case .multiselect(let multiselect) = spec.kind, multiselect.encoding.isColumnBased {
            if case .binaryColumns = multiselect.encoding {
                strategy = .optionColumns(binary: true)
            } else {
                strategy = .optionColumns(binary: false)
            }
        } else {
            strategy = cachesValues ? .cached : .uncached
        }
    }

    /// Decodes the field from `fields`, those of record `record` of its batch. The record has
    /// every bound column (ragged records never reach here).
    @inline(__always)
    mutating func decode(_ fields: RecordFields, _ record: Int) -> DecodedValue {
        // Decided once at init: reading the spec here would copy its option arrays per record.
        if case .optionColumns(let binary) = strategy { return decodeOptionColumns(fields, binary: binary) }
        let bytes = fields[column]
        if bytes.isEmpty { return .blank }
        guard case .cached = strategy else { return decodeUncached(bytes) }
        if record < ahead.count, ahead[record] != Self.notFoundMarker {
            return isCategory ? .value(ahead[record]) : cached(ahead[record], bytes)
        }
        // A category value in plain ASCII is looked up in the table from its bytes; only the
        // others (rare) go through the caches, so a hundred thousand managers are not stored twice.
        if isCategory {
            // Read in place through `?`: `categories!` here copied the table per record,
            // retaining each of its arrays and releasing them after.
            switch categories?.knownCode(ofASCII: bytes) ?? .notASCII {
            case .code(let code): return .value(code)
            case .absent:
                if let added = categories!.addASCII(bytes) { return added }
                return slowDecode(String(decoding: bytes, as: UTF8.self))
            case .notASCII: break
            }
        }
        let isShort = bytes.count <= ShortValueCache.maxLength
        let known: Int64?
        if isShort {
            known = shortCache.lookup(bytes)
        } else {
            known = cache.code(of: bytes).map { cachedResults[$0] }
        }
        if let known { return cached(known, bytes) }
        let result = slowDecode(String(decoding: bytes, as: UTF8.self))
        let marker: Int64
        switch result {
        case .value(let value): marker = value
        case .nonAnswer: marker = Self.nonAnswerMarker
        case .invalid: marker = Self.invalidMarker
        case .blank: return result  // a value of spaces only; not worth caching
        }
        if isShort {
            if shortCache.count < cacheLimit { shortCache.insert(bytes, marker) }
        } else if cache.count < cacheLimit {
            _ = cache.intern(bytes)
            cachedResults.append(marker)
        }
        return result
    }

    /// The result a cache entry stands for.
    @inline(__always)
    private mutating func cached(_ marker: Int64, _ bytes: UnsafeRawBufferPointer) -> DecodedValue {
        switch marker {
        case Self.nonAnswerMarker: return .nonAnswer
        case Self.invalidMarker: return slowDecode(String(decoding: bytes, as: UTF8.self))
        case let value: return .value(value)
        }
    }

    /// Looks up every record's value of a large cached field before the batch is cleaned record
    /// by record: one tight loop whose independent lookups the CPU overlaps, where lookups
    /// spread between the other fields' work wait on memory one at a time. Only reads the
    /// cache: values not found yet are decoded (and cached) by `decode`, in record order.
    mutating func lookAhead(_ batch: BatchFields) {
        ahead.removeAll(keepingCapacity: true)
        guard case .cached = strategy,
            (categories?.count ?? shortCache.count) >= Self.lookAheadThreshold
        else { return }
        if let categories {
            lookAhead(batch, column: column, in: categories)
            return
        }
        for record in 0..<batch.count {
            var found = Self.notFoundMarker
            if column < batch.fieldCount(record) {
                let bytes = batch.field(record, column)
                if bytes.count <= ShortValueCache.maxLength, !bytes.isEmpty, let known = shortCache.lookup(bytes) {
                    found = known
                }
            }
            ahead.append(found)
        }
    }

    /// `lookAhead` for a category field, in three passes so that the table's cache misses
    /// overlap: every value's packed key, then a read of where each key sits, then the lookups,
    /// which then find the table's lines fetched.
    private mutating func lookAhead(_ batch: BatchFields, column: Int, in categories: CategoryTable) {
        aheadKeys.removeAll(keepingCapacity: true)
        for record in 0..<batch.count {
            let present = column < batch.fieldCount(record)
            aheadKeys.append(present ? CategoryTable.packedKey(ofASCII: batch.field(record, column)) : 0)
        }
        touchedKeys ^= categories.touch(aheadKeys)
        for record in 0..<batch.count {
            var found = Self.notFoundMarker
            let word = aheadKeys[record]
            if word != 0 {
                if let code = categories.code(ofPackedKey: word) { found = code }
            } else if column < batch.fieldCount(record) {
                // Blank (`decode` says so without a lookup), or a key that does not pack.
                let bytes = batch.field(record, column)
                if !bytes.isEmpty, case .code(let code) = categories.knownCode(ofASCII: bytes) { found = code }
            }
            ahead.append(found)
        }
    }

    /// The slow path: a value not seen before, as text.
    private mutating func slowDecode(_ text: String) -> DecodedValue {
        switch spec.kind {
        case .category:
            return categories!.code(of: text)
        case .likert(let scale, _):
            let folded = CategoryTable.fold(text)
            if folded.isEmpty { return .blank }
            if let point = vocabulary[folded] { return .value(point) }
            if nonAnswers.contains(folded) { return .nonAnswer }
            return .invalid(
                "'\(text)' is not a point of scale \(scale.name) (\(scale.minimum)–\(scale.maximum) or its labels)")
        case .boolean(let boolean):
            let folded = CategoryTable.fold(text)
            if folded.isEmpty { return .blank }
            if let value = vocabulary[folded] { return .value(value) }
            return .invalid(
                "'\(text)' is not a yes/no answer (\((boolean.trueValues + boolean.falseValues).joined(separator: ", ")))"
            )
        case .multiselect(let multiselect):
            guard case .joined(let separator) = multiselect.encoding else { return .invalid("unexpected") }
            return MultiselectSplitter.decode(text, options: multiselect.allOptions, separator: separator)
        default:
            return text.utf8.withContiguousStorageIfAvailable { decodeUncached(UnsafeRawBufferPointer($0)) }
                ?? .invalid("'\(text)' could not be read")
        }
    }

    /// Types whose values are rarely repeated: parsed straight from the bytes.
    private func decodeUncached(_ bytes: UnsafeRawBufferPointer) -> DecodedValue {
        switch spec.kind {
        case .id, .text:
            return Self.isBlank(bytes) ? .blank : .value(0)
        case .integer(let minimum, let maximum):
            if Self.isBlank(bytes) { return .blank }
            guard let value = NumberParsing.integer(bytes) else {
                return .invalid("'\(Self.text(bytes))' is not a whole number")
            }
            guard value >= minimum && value <= maximum else {
                return .invalid("\(value) is outside \(minimum)–\(maximum)")
            }
            return .value(value)
        case .number(let minimum, let maximum):
            if Self.isBlank(bytes) { return .blank }
            guard let value = NumberParsing.decimal(bytes) else {
                return .invalid("'\(Self.text(bytes))' is not a number")
            }
            guard value >= minimum && value <= maximum else {
                return .invalid("\(value) is outside \(minimum)–\(maximum)")
            }
            return .value(Response.word(ofNumber: value))
        case .timestamp(let declared):
            if Self.isBlank(bytes) { return .blank }
            let formats = declared.isEmpty ? impliedTimestampFormats : declared
            switch TimestampParsing.parse(bytes, formats: formats) {
            case .value(let seconds, _): return .value(seconds)
            case .noMatch:
                let patterns = formats.map(\.pattern).joined(separator: ", ")
                return .invalid(
                    declared.isEmpty
                        ? "'\(Self.text(bytes))' does not match the format(s) this export implies, \(patterns); declare the field's formats"
                        : "'\(Self.text(bytes))' does not match the declared format(s) \(patterns)"
                )
            case .ambiguous(let indexes):
                return .invalid(
                    "'\(Self.text(bytes))' is ambiguous: it reads differently as \(indexes.map { formats[$0].pattern }.joined(separator: " and "))"
                )
            }
        default:
            return .invalid("unexpected")
        }
    }

    /// One column per option: a non-blank cell (or `1` for 0/1 columns) means chosen; all
    /// blank means the question was not answered.
    private func decodeOptionColumns(_ fields: RecordFields, binary: Bool) -> DecodedValue {
        var mask: Int64 = 0
        var answered = false
        for (bit, column) in columns.enumerated() {
            let bytes = fields[column]
            if Self.isBlank(bytes) { continue }
            answered = true
            if binary {
                switch NumberParsing.integer(bytes) {
                case 1: mask |= Int64(1) << Int64(bit)
                case 0: break
                default:
                    return .invalid(
                        "'\(Self.text(bytes))' in the column for '\(optionLabel(bit))' is not 0 or 1")
                }
            } else {
                mask |= Int64(1) << Int64(bit)
            }
        }
        return answered ? .value(mask) : .blank
    }

    /// The text of option `bit` (for messages only).
    private func optionLabel(_ bit: Int) -> String {
        guard case .multiselect(let multiselect) = spec.kind, bit < multiselect.allOptions.count else {
            return "option \(bit + 1)"
        }
        return multiselect.allOptions[bit]
    }

    private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }
}
