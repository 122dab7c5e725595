import CandorIngest
import CandorStorage
import Synchronization

/// Remembers every respondent id seen and where it was first seen.
///
/// This is the one part of a run whose memory grows with the number of respondents, so it is
/// built for bytes per id: about 14 at a million ids of up to 7 bytes, 8 to 16 digits or 8 to
/// 10 letters, digits, `-` and `_`, against about 45 for a `ByteInterner` (the id's bytes, its
/// end and its index slot) with per-id location arrays. The ids and their first occurrences are an `OccurrenceLog` (9 bytes an id), found
/// through a `TaggedSlotIndex` (about 5 when sized ahead by `reserve`, up to 7.5 when grown).
struct Deduplicator: Sendable {
    private var log = OccurrenceLog()
    private var index = TaggedSlotIndex()

    /// Creates an empty set.
    init() {}

    /// Distinct ids seen.
    var count: Int { log.count }

    /// Slots in the index (for tests of its sizing).
    var indexCapacity: Int { index.capacity }

    /// Registers `id` seen at `provenance`; returns the first occurrence's location when the id
    /// was seen before.
    @inline(__always)
    mutating func register(_ id: UnsafeRawBufferPointer, input: Int, line: Int, record: Int) -> (
        input: Int, line: Int, record: Int
    )? {
        let key = OccurrenceLog.Key(id)
        return register(id, key: key, hash: key.hash(id), input: input, line: line, record: record)
    }

    /// `register` for an id whose key and hash (`Key.hash`) were worked out already, when its
    /// batch was touched.
    @inline(__always)
    mutating func register(
        _ id: UnsafeRawBufferPointer, key: OccurrenceLog.Key, hash: UInt64, input: Int, line: Int, record: Int
    ) -> (input: Int, line: Int, record: Int)? {
        let (found, slot) = index.find(hash) { log.matches($0, key, id) }
        if let found {
            let first = log.occurrence(of: found)
            return (first.input, first.line, first.record)
        }
        log.append(id, key: key, at: .init(input: input, line: line, record: record))
        if index.insert(hash, at: slot) {
            index.grow(rehashing: log.forEachHash)
        }
        return nil
    }

    /// Whether `id` was registered.
    func contains(_ id: UnsafeRawBufferPointer) -> Bool {
        let key = OccurrenceLog.Key(id)
        return index.find(key.hash(id)) { log.matches($0, key, id) }.entry != nil
    }

    /// Makes room in the index for `total` distinct ids in all, when about that many are
    /// expected: registering them then regrows nothing on the way (see
    /// `TaggedSlotIndex.reserve`). Only the index is sized; the log grows a page at a time.
    mutating func reserve(_ total: Int) {
        index.reserve(total, rehashing: log.forEachHash)
    }

    /// Reads the index slot that registering each id in column `column` of `batch` will probe
    /// first, and returns what it read only so the reads are not optimised away. Touching a whole
    /// batch's ids in one loop lets their memory waits overlap; registered one by one among the
    /// other fields' work, each would wait alone. Leaves each record's id key word and hash in
    /// `prepared` (zeros for a record without the column), for
    /// `register(_:key:hash:input:line:record:)`.
    func touch(_ batch: BatchFields, column: Int, keeping prepared: inout [(key: UInt64, hash: UInt64)]) -> UInt32 {
        var touched: UInt32 = 0
        for record in 0..<batch.count {
            guard column < batch.fieldCount(record) else {
                prepared.append((0, 0))
                continue
            }
            let id = batch.field(record, column)
            let key = OccurrenceLog.Key(id)
            let hash = key.hash(id)
            touched ^= index.touch(hash)
            prepared.append((key.word, hash))
        }
        return touched
    }

    /// Whether any of the ids `other` registered as its entries `entries` is in this set.
    ///
    /// The ids are looked up a chunk at a time: first every id's hash, then a read of the slot
    /// each one probes first, then the lookups, which then find their slots fetched. With a
    /// million ids or more the index is far larger than the CPU's caches, and lookups one by
    /// one would wait on memory one at a time.
    func containsAny(of other: Deduplicator, entries: Range<Int>) -> Bool {
        let chunk = 512
        var hashes: [UInt64] = []
        hashes.reserveCapacity(chunk)
        var touched: UInt32 = 0
        var start = entries.lowerBound
        while start < entries.upperBound {
            let end = min(start + chunk, entries.upperBound)
            hashes.removeAll(keepingCapacity: true)
            other.log.forEachHash(in: start..<end) { _, hash in hashes.append(hash) }
            touched ^= index.touch(hashes)
            var found = false
            other.log.forEachWord(in: start..<end) { entry, word in
                guard !found else { return }
                found =
                    index.find(hashes[entry - start]) { log.matches($0, entryWord: word, of: other.log) }.entry != nil
            }
            if found { return true }
            start = end
        }
        Self.touchedSink.store(touched, ordering: .relaxed)
        return false
    }

    /// Where `containsAny` leaves what touching read: a store the optimiser must keep, so the
    /// reads stay.
    private static let touchedSink = Atomic<UInt32>(0)

    /// Calls `body` with every id and its first occurrence, in the order the ids were first
    /// registered. The id's bytes are valid only during the call.
    func forEach(_ body: (UnsafeRawBufferPointer, (input: Int, line: Int, record: Int)) -> Void) {
        log.forEachID(in: 0..<log.count) { entry, id in
            let first = log.occurrence(of: entry)
            body(id, (first.input, first.line, first.record))
        }
    }
}
