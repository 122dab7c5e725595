import CandorCore

/// Remembers every respondent id seen and where it was first seen.
///
/// This is the one part of a run whose memory grows with the number of respondents: the id
/// bytes once each, a slot, and the first occurrence's input, line and record number.
struct Deduplicator: Sendable {
    private var ids = ByteInterner(expected: 1 << 16)
    private var firstInput: [UInt16] = []
    private var firstLine: [UInt32] = []
    private var firstRecord: [UInt32] = []

    /// Registers `id` seen at `provenance`; returns the first occurrence's location when the id
    /// was seen before.
    mutating func register(_ id: UnsafeRawBufferPointer, input: Int, line: Int, record: Int) -> (
        input: Int, line: Int, record: Int
    )? {
        let (code, isNew) = ids.intern(id)
        if isNew {
            firstInput.append(UInt16(truncatingIfNeeded: input))
            firstLine.append(UInt32(truncatingIfNeeded: line))
            firstRecord.append(UInt32(truncatingIfNeeded: record))
            return nil
        }
        return (Int(firstInput[code]), Int(firstLine[code]), Int(firstRecord[code]))
    }

    /// Distinct ids seen.
    var count: Int { ids.count }

    /// Where `id` was first seen, if it was.
    func firstOccurrence(of id: UnsafeRawBufferPointer) -> (input: Int, line: Int, record: Int)? {
        ids.code(of: id).map { (Int(firstInput[$0]), Int(firstLine[$0]), Int(firstRecord[$0])) }
    }

    /// Calls `body` with every id and its first occurrence, in the order the ids were first seen.
    func forEach(_ body: (UnsafeRawBufferPointer, (input: Int, line: Int, record: Int)) -> Void) {
        for code in 0..<ids.count {
            ids.withBytes(of: code) { body($0, (Int(firstInput[code]), Int(firstLine[code]), Int(firstRecord[code]))) }
        }
    }
}
