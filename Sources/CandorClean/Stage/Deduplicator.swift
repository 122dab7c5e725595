/// Remembers every respondent id seen and where it was first seen.
///
/// This is the one part of a run whose memory grows with the number of respondents, so it is
/// built for bytes per id: about 19 at a million ids of up to 9 bytes (or 12 letters, digits,
/// `-` and `_`), against about 70 for a `ByteInterner` with per-id location arrays. The ids and
/// their first occurrences are an `OccurrenceLog` (12.4 bytes an id); this type adds the hash
/// index over it:
/// - A slot is 32 bits: the entry number + 1 in the low bits (as many as the table's size needs,
///   0 for empty) and bits of the id's hash above them, so a probe compares a stored id only when
///   those bits agree (1 in 2,048 by chance at a million ids). Lookup is exact: the bytes are
///   always compared before an id counts as seen.
/// - Linear probing, the home slot taken from the hash by multiply-shift, so the table can grow
///   by half (not double) at 80 % load: about 6 bytes a slot per id on average.
/// - Growing drops the old table before allocating the new one, and refills it from the log
///   (rehashing each id), so two tables never live at once.
struct Deduplicator: Sendable {
    private var log = OccurrenceLog()
    private var slots: [UInt32]
    /// The low bits of a slot that hold the entry number + 1.
    private var entryMask: UInt32
    /// The table grows when it holds more ids than this.
    private var maximumCount: Int

    /// Creates an empty set.
    init() {
        slots = []
        entryMask = 0
        maximumCount = 0
        resize(to: 1024)
    }

    /// Distinct ids seen.
    var count: Int { log.count }

    /// Registers `id` seen at `provenance`; returns the first occurrence's location when the id
    /// was seen before.
    @inline(__always)
    mutating func register(_ id: UnsafeRawBufferPointer, input: Int, line: Int, record: Int) -> (
        input: Int, line: Int, record: Int
    )? {
        let hash = Self.hash(id)
        let key = OccurrenceLog.Key(id)
        let (found, index) = probe(id, key, hash)
        if let found {
            let first = log.occurrence(of: found)
            return (first.input, first.line, first.record)
        }
        log.append(id, key: key, at: .init(input: input, line: line, record: record))
        slots[index] = UInt32(truncatingIfNeeded: hash) & ~entryMask | UInt32(log.count)
        if log.count > maximumCount { resize(to: slots.count + slots.count / 2) }
        return nil
    }

    /// Where `id` was first seen, if it was registered.
    func firstOccurrence(of id: UnsafeRawBufferPointer) -> (input: Int, line: Int, record: Int)? {
        guard let entry = probe(id, OccurrenceLog.Key(id), Self.hash(id)).entry else { return nil }
        let first = log.occurrence(of: entry)
        return (first.input, first.line, first.record)
    }

    /// Calls `body` with every id and its first occurrence, in the order the ids were first
    /// registered. The id's bytes are valid only during the call.
    func forEach(_ body: (UnsafeRawBufferPointer, (input: Int, line: Int, record: Int)) -> Void) {
        for entry in 0..<log.count {
            let first = log.occurrence(of: entry)
            log.withID(entry) { body($0, (first.input, first.line, first.record)) }
        }
    }

    /// Where `id` is: its entry if registered, else the empty slot where it would go.
    @inline(__always)
    private func probe(_ id: UnsafeRawBufferPointer, _ key: OccurrenceLog.Key, _ hash: UInt64) -> (
        entry: Int?, index: Int
    ) {
        let entryMask = entryMask
        let tag = UInt32(truncatingIfNeeded: hash) & ~entryMask
        return slots.withUnsafeBufferPointer { slots in
            var index = Self.home(hash, capacity: slots.count)
            while true {
                let slot = slots[index]
                if slot == 0 { return (nil, index) }
                if slot & ~entryMask == tag {
                    let entry = Int(slot & entryMask) - 1
                    if log.matches(entry, key, id) { return (entry, index) }
                }
                index += 1
                if index == slots.count { index = 0 }
            }
        }
    }

    /// The first slot probed for `hash`: its high 32 bits scaled to the table.
    @inline(__always)
    private static func home(_ hash: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(capacity)) >> 32)
    }

    /// Replaces the table with an empty one of `capacity` slots and re-enters every id.
    private mutating func resize(to wanted: Int) {
        let capacity = min(wanted, Int(UInt32.max))
        precondition(capacity > slots.count, "more than \(maximumCount) distinct ids")
        // The old table goes first, so growing never holds two.
        slots = []
        slots = Array(repeating: 0, count: capacity)
        // Entry numbers + 1 go up to `maximumCount` + 1 < capacity, so they fit in its bit width.
        let entryBits = Int.bitWidth - capacity.leadingZeroBitCount
        entryMask = entryBits >= 32 ? .max : (1 << UInt32(entryBits)) - 1
        maximumCount = capacity / 5 * 4
        let entryMask = entryMask
        slots.withUnsafeMutableBufferPointer { slots in
            for entry in 0..<log.count {
                let hash = log.withID(entry) { Self.hash($0) }
                var index = Self.home(hash, capacity: capacity)
                while slots[index] != 0 {
                    index += 1
                    if index == capacity { index = 0 }
                }
                slots[index] = UInt32(truncatingIfNeeded: hash) & ~entryMask | UInt32(entry + 1)
            }
        }
    }

    /// A 64-bit hash of a short byte string: whole words, then one overlapping load for the
    /// tail (no byte loop for the usual 5–15-byte ids), then a full avalanche, as the table
    /// uses the high half for the home slot and the low half for the slot's check bits.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        if count >= 8 {
            var index = 0
            while index + 8 <= count {
                h = (h ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                index += 8
            }
            if index < count {
                h = (h ^ bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
            }
        } else if count >= 4 {
            let low = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            h = (h ^ (low | high << 32)) &* 0x94D0_49BB_1331_11EB
        } else if count > 0 {
            let mixed = UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1]) << 16
            h = (h ^ mixed) &* 0x94D0_49BB_1331_11EB
        }
        // The finalizer of MurmurHash3 (fmix64).
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
