#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ids a `Deduplicator` has seen, in the order first seen, each with where it was first seen.
///
/// This holds one entry per respondent, so its layout is about bytes per id (9 for an id of up
/// to 7 bytes, of 8 to 16 digits, or of 8 to 10 letters, digits, `-` and `_`, all costs
/// included):
/// - An entry is the id in one 8-byte word (see `Key`). An id that does not fit is marked by
///   kind `longMarker`; the entry then locates its bytes in `arena`.
/// - Where the ids were first seen is coded per group of 64 entries, in a 64-byte header (1 byte
///   an entry): the first entry's input, record number and line − record, then for each later
///   entry k the two numbers record − (base record + k) and (line − record) − base (line −
///   record). Within one input both only grow, and slowly (by skipped records, and by the extra
///   lines of multi-line quoted fields or blank lines), so each is kept as its growth since the
///   entry before, in unary (that many 1 bits, then a 0) in a 128-bit stream: room for 65 steps
///   a group. An entry whose input differs from its group's, whose numbers fall back, or whose
///   steps do not fit is flagged in the header's exception mask and keeps its occurrence whole
///   in `exceptions`. All arithmetic wraps, so any `Int` round-trips exactly.
/// - Entries and group headers live in fixed pages of 8,192 entries (72 KB) that are allocated
///   whole and never grow, so growth copies nothing and leaves at most one page of slack.
@usableFromInline package struct OccurrenceLog: Sendable {
    /// Where an id was first seen: the input's index, the line and the record number.
    @usableFromInline package struct Occurrence: Equatable, Sendable {
        /// The input's index, in the order the inputs were read.
        package var input: Int
        /// The line the record starts on.
        package var line: Int
        /// The record's number within its input.
        package var record: Int

        /// An occurrence of record `record`, on line `line` of input `input`.
        package init(input: Int, line: Int, record: Int) {
            (self.input, self.line, self.record) = (input, line, record)
        }
    }

    /// Ids up to this many bytes are stored in their entry as they are.
    @inlinable package static var rawCapacity: Int { 7 }
    /// Ids of digits only, up to this many, are stored in their entry as a number.
    @inlinable package static var decimalCapacity: Int { 16 }
    /// Ids up to this many characters of `0-9A-Za-z-_` are stored in their entry, 6 bits each.
    @inlinable package static var packedCapacity: Int { 10 }
    /// The kind (low four bits of the entry word) of an id of digits (see `Key`).
    @inlinable package static var decimalKind: UInt8 { 11 }
    /// The kind of an id kept in `arena`.
    @inlinable package static var longMarker: UInt8 { 15 }
    /// Bytes per entry: the entry word.
    package static let entrySize = 8
    /// Most arena pages a long id's entry can name (28 bits of its word).
    private static let arenaPageLimit = 1 << 28
    private static let pageShift = 13
    private static let entriesPerPage = 1 << pageShift
    private static let groupShift = 6
    private static let groupSize = 1 << groupShift
    /// Bytes per group header: input, record, line − record (three `Int`s), the exception mask,
    /// then the record and the line streams (two words each).
    private static let baseSize = 64
    private static let maskOffset = 24
    private static let recordStreamOffset = 32
    private static let lineStreamOffset = 48
    private static let streamBits = 128
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
    package private(set) var count = 0
    /// For the last group (the one being filled): bits used of its two streams, and the record
    /// and line numbers its last coded entry has there.
    private var openRecordBits = 0
    private var openLineBits = 0
    private var openRecordSteps: UInt = 0
    private var openLineSteps: UInt = 0

    /// Creates an empty log.
    package init() {}

    /// Whether entry `entry` holds `id`, whose key is `key`.
    @inline(__always)
    package func matches(_ entry: Int, _ key: Key, _ id: UnsafeRawBufferPointer) -> Bool {
        let at = Self.offset(of: entry)
        return pages[entry >> Self.pageShift].withUnsafeBytes { page in
            let word = page.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            guard key.isLong else { return word == key.word }
            guard word & 0xF == UInt64(Self.longMarker) else { return false }
            return withLongID(word) {
                // Both are longer than `rawCapacity`, so both have a base address.
                $0.count == id.count && memcmp($0.baseAddress!, id.baseAddress!, id.count) == 0
            }
        }
    }

    /// Calls `enter` with every id's hash (`Key.hash`), in entry order: how an index over the
    /// log is rebuilt.
    package func forEachHash(_ enter: (UInt64) -> Void) {
        forEachHash(in: 0..<count) { _, hash in enter(hash) }
    }

    /// Calls `body` with each entry of `entries` and its id's hash (`Key.hash`), in entry order.
    /// Only a long id's bytes are read; any other's entry word is its key.
    package func forEachHash(in entries: Range<Int>, _ body: (Int, UInt64) -> Void) {
        forEachWord(in: entries) { entry, word in body(entry, hash(ofEntryWord: word)) }
    }

    /// The hash (`Key.hash`) of the id whose entry word is `word`.
    @inline(__always)
    package func hash(ofEntryWord word: UInt64) -> UInt64 {
        let key = Key(word: word)
        // Any but a long id's key is its word: the hash reads no bytes.
        guard key.isLong else { return key.hash(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return withLongID(word) { key.hash($0) }
    }

    /// Whether entry `entry` holds the id whose entry word in `other` is `theirs`.
    @inline(__always)
    package func matches(_ entry: Int, entryWord theirs: UInt64, of other: OccurrenceLog) -> Bool {
        let key = Key(word: theirs)
        guard key.isLong else { return word(of: entry) == theirs }
        return other.withLongID(theirs) { matches(entry, key, $0) }
    }

    /// Entry `entry`'s word.
    @inline(__always)
    private func word(of entry: Int) -> UInt64 {
        pages[entry >> Self.pageShift].withUnsafeBytes {
            $0.loadUnaligned(fromByteOffset: Self.offset(of: entry), as: UInt64.self)
        }
    }

    /// Calls `body` with each entry of `entries` and its word, in entry order.
    package func forEachWord(in entries: Range<Int>, _ body: (Int, UInt64) -> Void) {
        forEachPage(in: entries) { page, inPage in
            for entry in inPage {
                body(entry, page.loadUnaligned(fromByteOffset: Self.offset(of: entry), as: UInt64.self))
            }
        }
    }

    /// Calls `body` with each entry of `entries` and its id's bytes, in entry order.
    package func forEachID(in entries: Range<Int>, _ body: (Int, UnsafeRawBufferPointer) -> Void) {
        forEachPage(in: entries) { page, inPage in
            for entry in inPage { withID(in: page, at: Self.offset(of: entry)) { body(entry, $0) } }
        }
    }

    /// Calls `body` with each page holding entries of `entries`, and those entries, in order. One
    /// access per page: an access for each entry would count a reference to its page up and down
    /// every time, which regrowing the index or checking a million ids would pay a million times.
    private func forEachPage(in entries: Range<Int>, _ body: (UnsafeRawBufferPointer, Range<Int>) -> Void) {
        var entry = entries.lowerBound
        while entry < entries.upperBound {
            let pageNumber = entry >> Self.pageShift
            let pageEnd = min((pageNumber + 1) << Self.pageShift, entries.upperBound)
            pages[pageNumber].withUnsafeBytes { body($0, entry..<pageEnd) }
            entry = pageEnd
        }
    }

    /// Where entry `entry`'s word lies in its page.
    @inline(__always)
    private static func offset(of entry: Int) -> Int { (entry & (entriesPerPage - 1)) * entrySize }

    /// The bytes of the id whose entry is at byte `at` of `page`, passed to `body`.
    @inline(__always)
    private func withID<Result>(
        in page: UnsafeRawBufferPointer, at: Int, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let word = page.loadUnaligned(fromByteOffset: at, as: UInt64.self)
        let kind = word & 0xF
        if kind <= UInt64(Self.rawCapacity) {
            // A raw id's bytes are the entry's bytes 1 to its length.
            return body(UnsafeRawBufferPointer(rebasing: page[at + 1..<at + 1 + Int(kind)]))
        }
        guard kind == UInt64(Self.longMarker) else {
            return withUnsafeTemporaryAllocation(byteCount: Self.decimalCapacity, alignment: 1) { id in
                let count = Key.decode(word, into: id)
                return body(UnsafeRawBufferPointer(rebasing: id[0..<count]))
            }
        }
        return withLongID(word, body)
    }

    /// The arena bytes of the long id whose entry word is `word`, passed to `body`.
    private func withLongID<Result>(_ word: UInt64, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let arenaPage = Int(truncatingIfNeeded: word >> 4 & UInt64(Self.arenaPageLimit - 1))
        let offset = Int(truncatingIfNeeded: word >> 32)
        return arena[arenaPage].withUnsafeBytes { arena in
            let count = Int(arena.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            return body(UnsafeRawBufferPointer(rebasing: arena[offset + 4..<offset + 4 + count]))
        }
    }

    /// Where entry `entry`'s id was first seen.
    package func occurrence(of entry: Int) -> Occurrence {
        let inPage = entry & (Self.entriesPerPage - 1)
        let member = inPage & (Self.groupSize - 1)
        let base = Self.basesOffset + (inPage >> Self.groupShift) * Self.baseSize
        let coded = pages[entry >> Self.pageShift].withUnsafeBytes { page -> Occurrence? in
            let mask = page.loadUnaligned(fromByteOffset: base + Self.maskOffset, as: UInt64.self)
            guard mask >> UInt64(member) & 1 == 0 else { return nil }
            let record =
                page.loadUnaligned(fromByteOffset: base + 8, as: Int.self) &+ member
                &+ Self.onesBefore(zero: member, page, base + Self.recordStreamOffset)
            return Occurrence(
                input: page.loadUnaligned(fromByteOffset: base, as: Int.self),
                line: record &+ page.loadUnaligned(fromByteOffset: base + 16, as: Int.self)
                    &+ Self.onesBefore(zero: member, page, base + Self.lineStreamOffset),
                record: record)
        }
        // An entry flagged as an exception always has one.
        return coded ?? exceptions[entry]!
    }

    /// The 1 bits before the `k`th 0 bit of the stream at byte `at` of `page` (0 for `k` = 0):
    /// the sum of the first `k` unary numbers in it.
    private static func onesBefore(zero k: Int, _ page: UnsafeRawBufferPointer, _ at: Int) -> Int {
        guard k > 0 else { return 0 }
        var zeros = ~page.loadUnaligned(fromByteOffset: at, as: UInt64.self)
        var offset = 0
        var wanted = k
        if wanted > zeros.nonzeroBitCount {
            wanted -= zeros.nonzeroBitCount
            zeros = ~page.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)
            offset = 64
        }
        for _ in 1..<wanted { zeros &= zeros &- 1 }
        // Bit position of the kth 0, less the k − 1 zeros before it.
        return offset + zeros.trailingZeroBitCount - (k - 1)
    }

    /// Stores `id` (with `key`, its `Key`) as the next entry, first seen at `occurrence`.
    @inline(__always)
    package mutating func append(_ id: UnsafeRawBufferPointer, key: Key, at occurrence: Occurrence) {
        let entry = count
        let inPage = entry & (Self.entriesPerPage - 1)
        if inPage == 0 { pages.append(Array(repeating: 0, count: Self.pageSize)) }
        let word = key.isLong ? storeLong(id) : key.word
        let at = inPage * Self.entrySize
        let member = inPage & (Self.groupSize - 1)
        let base = Self.basesOffset + (inPage >> Self.groupShift) * Self.baseSize
        let lineOffset = occurrence.line &- occurrence.record
        pages[entry >> Self.pageShift].withUnsafeMutableBytes { page in
            page.storeBytes(of: word, toByteOffset: at, as: UInt64.self)
        }
        if member == 0 {
            pages[entry >> Self.pageShift].withUnsafeMutableBytes { page in
                page.storeBytes(of: occurrence.input, toByteOffset: base, as: Int.self)
                page.storeBytes(of: occurrence.record, toByteOffset: base + 8, as: Int.self)
                page.storeBytes(of: lineOffset, toByteOffset: base + 16, as: Int.self)
            }
            (openRecordBits, openLineBits, openRecordSteps, openLineSteps) = (0, 0, 0, 0)
        } else if !appendSteps(member, base, page: entry >> Self.pageShift, occurrence, lineOffset) {
            exceptions[entry] = occurrence
        }
        count += 1
    }

    /// Codes the occurrence of member `member` (> 0) of the open group, whose header is at byte
    /// `base` of page `page`, as steps in its streams; `false` (and the member flagged) when the
    /// occurrence is not expressible so.
    @inline(__always)
    private mutating func appendSteps(
        _ member: Int, _ base: Int, page number: Int, _ occurrence: Occurrence, _ lineOffset: Int
    ) -> Bool {
        // Each later member of the group needs one bit (its 0) in each stream.
        let reserved = Self.groupSize - 1 - member
        let recordRoom = UInt(Self.streamBits - openRecordBits - 1 - reserved)
        let lineRoom = UInt(Self.streamBits - openLineBits - 1 - reserved)
        let (recordBits, lineBits) = (openRecordBits, openLineBits)
        let (recordSteps, lineSteps, fits) = pages[number].withUnsafeMutableBytes { page in
            let recordSteps = UInt(
                bitPattern: occurrence.record &- page.loadUnaligned(fromByteOffset: base + 8, as: Int.self) &- member)
            let lineSteps = UInt(bitPattern: lineOffset &- page.loadUnaligned(fromByteOffset: base + 16, as: Int.self))
            let recordStep = recordSteps &- openRecordSteps
            let lineStep = lineSteps &- openLineSteps
            let fits =
                occurrence.input == page.loadUnaligned(fromByteOffset: base, as: Int.self)
                && recordStep <= recordRoom && lineStep <= lineRoom
            if fits {
                Self.setOnes(page, base + Self.recordStreamOffset, from: recordBits, count: Int(recordStep))
                Self.setOnes(page, base + Self.lineStreamOffset, from: lineBits, count: Int(lineStep))
            } else {
                let mask = page.loadUnaligned(fromByteOffset: base + Self.maskOffset, as: UInt64.self)
                page.storeBytes(of: mask | 1 << UInt64(member), toByteOffset: base + Self.maskOffset, as: UInt64.self)
            }
            return (fits ? recordStep : 0, fits ? lineStep : 0, fits)
        }
        // A flagged member still ends its place in each stream (with a 0), so the members after
        // it find theirs; its steps count as none.
        openRecordBits += Int(recordSteps) + 1
        openLineBits += Int(lineSteps) + 1
        openRecordSteps &+= recordSteps
        openLineSteps &+= lineSteps
        return fits
    }

    /// Sets `count` bits from bit `from` of the stream at byte `at` of `page`.
    private static func setOnes(_ page: UnsafeMutableRawBufferPointer, _ at: Int, from: Int, count: Int) {
        for bit in from..<from + count {
            let word = at + (bit >> 6) * 8
            let value = page.loadUnaligned(fromByteOffset: word, as: UInt64.self)
            page.storeBytes(of: value | 1 << UInt64(bit & 63), toByteOffset: word, as: UInt64.self)
        }
    }

    /// Copies a long id into the arena; returns its entry word: the marker, the arena page and
    /// the offset there.
    private mutating func storeLong(_ id: UnsafeRawBufferPointer) -> UInt64 {
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
        precondition(page < Self.arenaPageLimit, "more than \(Self.arenaPageLimit) arena pages of long ids")
        arena[page].withUnsafeMutableBytes { arena in
            arena.storeBytes(of: UInt32(id.count), toByteOffset: offset, as: UInt32.self)
            (arena.baseAddress! + offset + 4).copyMemory(from: id.baseAddress!, byteCount: id.count)
        }
        return UInt64(Self.longMarker) | UInt64(page) << 4 | UInt64(offset) << 32
    }
}
