import CandorSample
import Testing

@testable import CandorStorage

/// The respondent-id store: an `OccurrenceLog` found through a `TaggedSlotIndex`, as the
/// `Deduplicator` uses it, against a dictionary from id bytes to where each was first seen.
@Suite struct OccurrenceLogTests {
    typealias Occurrence = OccurrenceLog.Occurrence

    /// The log and its index.
    struct IDSet {
        var log = OccurrenceLog()
        var index = TaggedSlotIndex(capacity: 16)

        func find(_ id: [UInt8]) -> Int? {
            id.withUnsafeBytes { id in
                let key = OccurrenceLog.Key(id)
                return index.find(key.hash(id)) { log.matches($0, key, id) }.entry
            }
        }

        /// Registers `id`; the entry it already had, if any.
        mutating func register(_ id: [UInt8], at occurrence: Occurrence) -> Int? {
            id.withUnsafeBytes { id in
                let key = OccurrenceLog.Key(id)
                let hash = key.hash(id)
                let (found, slot) = index.find(hash) { [log] in log.matches($0, key, id) }
                if let found { return found }
                log.append(id, key: key, at: occurrence)
                if index.insert(hash, at: slot) { index.grow(rehashing: log.forEachHash) }
                return nil
            }
        }
    }

    /// An id of a form picked at random: the forms the log stores in its entry word (up to 7
    /// bytes, 8–16 digits, 8–10 of `0-9A-Za-z-_`) and those it keeps aside (11–12 such
    /// characters, 17+ digits, long, non-ASCII), drawn from small alphabets so they repeat.
    static func randomID(_ random: inout SplitMix64) -> [UInt8] {
        let idCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
        func draw(_ count: Int, _ alphabet: [UInt8]) -> [UInt8] {
            (0..<count).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
        }
        switch random.next() % 8 {
        case 0: return draw(Int(random.next() % 8), Array("ab\u{0}\u{FF}".utf8))
        case 1: return draw(8 + Int(random.next() % 9), Array("0123".utf8))
        case 2: return draw(8 + Int(random.next() % 3), Array(idCharacters[0..<4] + idCharacters[60..<64]))
        case 3: return draw(11 + Int(random.next() % 2), Array(idCharacters[30..<34]))
        case 4: return draw(17 + Int(random.next() % 4), Array("01".utf8))
        case 5: return draw(13 + Int(random.next() % 60), Array("xy".utf8))
        case 6: return draw(Int(random.next() % 12), [0xC3, 0xA9, 0x41])
        default: return Array("R\(100 + random.next() % 300)".utf8)
        }
    }

    /// Occurrences that mostly advance slowly within one input (coded as steps), with jumps,
    /// falls back, input changes and extreme values (kept as exceptions) mixed in; the log's
    /// arithmetic wraps, and so does this.
    static func nextOccurrence(after last: Occurrence, _ random: inout SplitMix64) -> Occurrence {
        switch random.next() % 20 {
        case 0: return Occurrence(input: last.input &+ 1, line: 2, record: 1)
        case 1: return Occurrence(input: last.input, line: last.line &- 7, record: last.record &- 5)
        case 2: return Occurrence(input: last.input, line: last.line &+ 500, record: last.record &+ 400)
        case 3: return Occurrence(input: -3, line: .min, record: .max)
        default:
            let skipped = Int(random.next() % 3)
            let extraLines = random.next() % 4 == 0 ? 1 : 0
            return Occurrence(
                input: last.input, line: last.line &+ 1 &+ skipped &+ extraLines, record: last.record &+ 1 &+ skipped)
        }
    }

    @Test func everyIDFormIsFoundWhereItWasFirstSeen() {
        var random = SplitMix64(seed: 17)
        var set = IDSet()
        var first: [[UInt8]: (entry: Int, at: Occurrence)] = [:]
        var order: [[UInt8]] = []
        var occurrence = Occurrence(input: 0, line: 2, record: 1)
        for _ in 0..<40_000 {
            let id = Self.randomID(&random)
            occurrence = Self.nextOccurrence(after: occurrence, &random)
            #expect(set.find(id) == first[id]?.entry)
            let known = set.register(id, at: occurrence)
            #expect(known == first[id]?.entry)
            if known == nil {
                first[id] = (order.count, occurrence)
                order.append(id)
            }
        }
        #expect(set.log.count == order.count)
        #expect(order.count > 10_000)
        for (id, (entry, at)) in first { #expect(set.log.occurrence(of: entry) == at, "\(id)") }
        var listed: [[UInt8]] = []
        set.log.forEachID(in: 0..<set.log.count) { _, id in listed.append(Array(id)) }
        #expect(listed == order)
        set.log.forEachWord(in: 0..<set.log.count) { entry, word in
            let hash = order[entry].withUnsafeBytes { OccurrenceLog.Key($0).hash($0) }
            #expect(set.log.hash(ofEntryWord: word) == hash)
        }
    }

    /// One id of more than an arena page (64 KiB) and many that fill pages up.
    @Test func longIDsSpanArenaPages() {
        var set = IDSet()
        let huge = [UInt8](repeating: 0x7A, count: 70_000)
        var ids = [huge]
        for number in 0..<3000 { ids.append(Array("a long id, number \(number), of some forty bytes".utf8)) }
        for (entry, id) in ids.enumerated() {
            #expect(set.register(id, at: Occurrence(input: 0, line: entry + 2, record: entry + 1)) == nil)
        }
        for (entry, id) in ids.enumerated() { #expect(set.find(id) == entry) }
        #expect(set.find(huge.dropLast() + [0x79]) == nil)
    }

    /// Entry words worked out by hand (Python: `hex(11|8<<4|12345678<<9)`; six-bit codes 0–9,
    /// A–Z 10–35, a–z 36–61, `-` 62, `_` 63 from bit 4, count in bits 0–3).
    @Test func entryWordsAreTheIDExactly() {
        func word(_ id: String) -> UInt64 { Array(id.utf8).withUnsafeBytes { OccurrenceLog.Key($0).word } }
        #expect(word("") == 0)
        #expect(word("ab") == 0x62_61_02)
        #expect(word("12345678") == 0x1_78C2_9C8B)
        #expect(word("R00012345") == 0x51_0308_1000_01B9)
        #expect(word("ab-cd_EF12") == 0x813_CEFE_79BE_964A)
        for id in ["abcdefghijk", "12345678901234567", "Équipe-01"] {
            #expect(Array(id.utf8).withUnsafeBytes { OccurrenceLog.Key($0).isLong }, "\(id)")
        }
        // Decoding gives the id back.
        for id in ["", "ab", "12345678", "0000000000000001", "R00012345", "ab-cd_EF12"] {
            let decoded = withUnsafeTemporaryAllocation(byteCount: 16, alignment: 1) { out in
                Array(out[0..<OccurrenceLog.Key.decode(word(id), into: out)])
            }
            #expect(decoded == Array(id.utf8))
        }
    }

    /// An entry of one log matches the same id in another, by its entry word, for every form.
    @Test func entriesMatchAcrossLogs() {
        var random = SplitMix64(seed: 4)
        var mine = IDSet()
        var theirs = IDSet()
        let at = Occurrence(input: 0, line: 1, record: 1)
        var shared: [[UInt8]] = []
        for _ in 0..<2000 {
            let id = Self.randomID(&random)
            if random.next() % 2 == 0 {
                _ = mine.register(id, at: at)
                shared.append(id)
            }
            _ = theirs.register(id, at: at)
        }
        theirs.log.forEachWord(in: 0..<theirs.log.count) { entry, word in
            var id: [UInt8] = []
            theirs.log.forEachID(in: entry..<entry + 1) { _, bytes in id = Array(bytes) }
            let found = mine.index.find(theirs.log.hash(ofEntryWord: word)) {
                mine.log.matches($0, entryWord: word, of: theirs.log)
            }.entry
            #expect(found == mine.find(id))
            #expect((found != nil) == shared.contains(id))
        }
    }
}
