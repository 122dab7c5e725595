#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ids a `Deduplicator` has seen, in the order first seen, each with where it was first seen.
///
/// This holds one entry per respondent, so its layout is about bytes per id (12.4 for an id of
/// up to 9 bytes, or up to 12 letters, digits, `-` and `_`, all costs included):
/// - An entry is 12 bytes: the id in 10 (see `Key`), then two small deltas that give the first
///   occurrence's record and line. An id that does not fit is marked by kind byte 0xFF; the
///   entry then locates its bytes in `arena`.
/// - Entries come in groups of 64. The first entry of a group sets the group's base: its input,
///   record number and line − record. A later entry of the group stores record − (base record +
///   position in the group) and (line − record) − base (line − record), one byte each. Within
///   one input both only grow, and slowly (by skipped records, and by the extra lines of
///   multi-line quoted fields or blank lines), so they nearly always fit; an entry whose input
///   differs from its group's, or whose deltas do not fit, keeps its occurrence whole in
///   `exceptions` instead. All arithmetic wraps, so any `Int` round-trips exactly.
/// - Entries and group bases live in fixed pages of 8,192 entries (99 KB) that are allocated
///   whole and never grow, so growth copies nothing and leaves at most one page of slack.
struct OccurrenceLog: Sendable {
    /// Where an id was first seen: the input's index, the line and the record number.
    struct Occurrence: Equatable, Sendable {
        /// The input's index, in the order the inputs were read.
        var input: Int
        /// The line the record starts on.
        var line: Int
        /// The record's number within its input.
        var record: Int
    }

    /// Ids up to this many bytes are stored in their entry as they are.
    static let rawCapacity = 9
    /// Ids up to this many characters of `0-9A-Za-z-_` are stored in their entry, 6 bits each.
    static let packedCapacity = 12
    /// Kind byte − length of a packed id (see `Key`).
    static let packedKind: UInt8 = 0x40
    /// The kind byte of an id kept in `arena`.
    static let longMarker: UInt8 = 0xFF
    /// Bytes per entry: kind, payload, record delta, line delta.
    static let entrySize = 12
    private static let recordDeltaOffset = 10
    private static let lineDeltaOffset = 11
    /// The record delta of an entry whose occurrence is in `exceptions`.
    private static let exceptionMarker: UInt8 = 0xFF
    private static let pageShift = 13
    private static let entriesPerPage = 1 << pageShift
    private static let groupShift = 6
    private static let groupSize = 1 << groupShift
    /// Bytes per group base: input, record, line − record (three `Int`s).
    private static let baseSize = 24
    private static let basesOffset = entriesPerPage * entrySize
    private static let pageSize = basesOffset + (entriesPerPage >> groupShift) * baseSize
    /// Long ids are packed into arena pages of this size (a longer id gets a page of its own).
    private static let arenaPageSize = 1 << 16

    private var pages: [[UInt8]] = []
    /// Occurrences that do not fit their group's deltas, by entry.
    private var exceptions: [Int: Occurrence] = [:]
    /// The bytes of ids that do not fit an entry, each as a 4-byte length and the bytes.
    private var arena: [[UInt8]] = []
    /// The arena page being filled, and how much of it is used.
    private var openArenaPage = -1
    private var openArenaUsed = 0

    /// Ids stored.
    private(set) var count = 0

    /// Creates an empty log.
    init() {}

    /// Whether entry `entry` holds `id`, whose key is `key`.
    @inline(__always)
    func matches(_ entry: Int, _ key: Key, _ id: UnsafeRawBufferPointer) -> Bool {
        let at = (entry & (Self.entriesPerPage - 1)) * Self.entrySize
        return pages[entry >> Self.pageShift].withUnsafeBytes { page in
            guard key.kind == Self.longMarker else {
                return page.loadUnaligned(fromByteOffset: at, as: UInt64.self) == key.low
                    && page.loadUnaligned(fromByteOffset: at + 8, as: UInt16.self) == key.high
            }
            guard page[at] == Self.longMarker else { return false }
            return withLongID(page, at) {
                // Both are longer than `rawCapacity`, so both have a base address.
                $0.count == id.count && memcmp($0.baseAddress!, id.baseAddress!, id.count) == 0
            }
        }
    }

    /// The bytes of entry `entry`'s id, passed to `body`.
    func withID<Result>(_ entry: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let at = (entry & (Self.entriesPerPage - 1)) * Self.entrySize
        return pages[entry >> Self.pageShift].withUnsafeBytes { page in
            let kind = page[at]
            if Int(kind) <= Self.rawCapacity {
                return body(UnsafeRawBufferPointer(rebasing: page[at + 1..<at + 1 + Int(kind)]))
            }
            guard kind == Self.longMarker else {
                let count = Int(kind - Self.packedKind)
                return withUnsafeTemporaryAllocation(byteCount: Self.packedCapacity, alignment: 1) { id in
                    Key.unpack(page, at: at + 1, count: count, into: id)
                    return body(UnsafeRawBufferPointer(rebasing: id[0..<count]))
                }
            }
            return withLongID(page, at, body)
        }
    }

    /// The arena bytes of the long id whose entry is at byte `at` of `page`, passed to `body`.
    private func withLongID<Result>(
        _ page: UnsafeRawBufferPointer, _ at: Int, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let arenaPage = Int(page.loadUnaligned(fromByteOffset: at + 1, as: UInt32.self))
        let offset = Int(page.loadUnaligned(fromByteOffset: at + 5, as: UInt32.self))
        return arena[arenaPage].withUnsafeBytes { arena in
            let count = Int(arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            return body(UnsafeRawBufferPointer(rebasing: arena[offset + 4..<offset + 4 + count]))
        }
    }

    /// Where entry `entry`'s id was first seen.
    func occurrence(of entry: Int) -> Occurrence {
        let inPage = entry & (Self.entriesPerPage - 1)
        let at = inPage * Self.entrySize
        let coded = pages[entry >> Self.pageShift].withUnsafeBytes { page -> Occurrence? in
            let recordDelta = page[at + Self.recordDeltaOffset]
            guard recordDelta != Self.exceptionMarker else { return nil }
            let base = Self.basesOffset + (inPage >> Self.groupShift) * Self.baseSize
            let record =
                page.loadUnaligned(fromByteOffset: base + 8, as: Int.self) &+ (inPage & (Self.groupSize - 1))
                &+ Int(recordDelta)
            let lineOffset = page.loadUnaligned(fromByteOffset: base + 16, as: Int.self)
            return Occurrence(
                input: page.loadUnaligned(fromByteOffset: base, as: Int.self),
                line: record &+ lineOffset &+ Int(page[at + Self.lineDeltaOffset]), record: record)
        }
        // An entry marked as an exception always has one.
        return coded ?? exceptions[entry]!
    }

    /// Stores `id` (with `key`, its `Key`) as the next entry, first seen at `occurrence`.
    @inline(__always)
    mutating func append(_ id: UnsafeRawBufferPointer, key: Key, at occurrence: Occurrence) {
        let entry = count
        let inPage = entry & (Self.entriesPerPage - 1)
        if inPage == 0 { pages.append(Array(repeating: 0, count: Self.pageSize)) }
        let long = key.kind == Self.longMarker ? storeLong(id) : nil
        let at = inPage * Self.entrySize
        let member = inPage & (Self.groupSize - 1)
        let base = Self.basesOffset + (inPage >> Self.groupShift) * Self.baseSize
        let lineOffset = occurrence.line &- occurrence.record
        let fits = pages[entry >> Self.pageShift].withUnsafeMutableBytes { page in
            page.storeBytes(of: key.low, toByteOffset: at, as: UInt64.self)
            page.storeBytes(of: key.high, toByteOffset: at + 8, as: UInt16.self)
            if let long {
                page.storeBytes(of: long.page, toByteOffset: at + 1, as: UInt32.self)
                page.storeBytes(of: long.offset, toByteOffset: at + 5, as: UInt32.self)
            }
            if member == 0 {
                page.storeBytes(of: occurrence.input, toByteOffset: base, as: Int.self)
                page.storeBytes(of: occurrence.record, toByteOffset: base + 8, as: Int.self)
                page.storeBytes(of: lineOffset, toByteOffset: base + 16, as: Int.self)
                return true  // Deltas 0, as the page was zeroed.
            }
            let recordDelta = UInt(
                bitPattern: occurrence.record &- page.loadUnaligned(fromByteOffset: base + 8, as: Int.self) &- member)
            let lineDelta = UInt(
                bitPattern: lineOffset &- page.loadUnaligned(fromByteOffset: base + 16, as: Int.self))
            let fits =
                occurrence.input == page.loadUnaligned(fromByteOffset: base, as: Int.self)
                && recordDelta < UInt(Self.exceptionMarker) && lineDelta <= UInt(UInt8.max)
            page[at + Self.recordDeltaOffset] = fits ? UInt8(recordDelta) : Self.exceptionMarker
            page[at + Self.lineDeltaOffset] = fits ? UInt8(lineDelta) : 0
            return fits
        }
        if !fits { exceptions[entry] = occurrence }
        count += 1
    }

    /// Copies a long id into the arena; returns its arena page and offset there.
    private mutating func storeLong(_ id: UnsafeRawBufferPointer) -> (page: UInt32, offset: UInt32) {
        precondition(id.count <= Int(UInt32.max), "an id of \(id.count) bytes is longer than 4 GiB")
        let needed = 4 + id.count
        let page: Int
        let offset: Int
        if needed > Self.arenaPageSize {
            arena.append(Array(repeating: 0, count: needed))
            (page, offset) = (arena.count - 1, 0)
        } else {
            if openArenaPage < 0 || openArenaUsed + needed > Self.arenaPageSize {
                arena.append(Array(repeating: 0, count: Self.arenaPageSize))
                (openArenaPage, openArenaUsed) = (arena.count - 1, 0)
            }
            (page, offset) = (openArenaPage, openArenaUsed)
            openArenaUsed += needed
        }
        precondition(page <= Int(UInt32.max), "more than 4 billion arena pages of long ids")
        arena[page].withUnsafeMutableBytes { arena in
            arena.storeBytes(of: UInt32(id.count), toByteOffset: offset, as: UInt32.self)
            (arena.baseAddress! + offset + 4).copyMemory(from: id.baseAddress!, byteCount: id.count)
        }
        return (UInt32(page), UInt32(offset))
    }
}
