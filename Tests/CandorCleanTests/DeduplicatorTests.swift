import CandorSample
import Testing

@testable import CandorClean

/// A first occurrence, as an array so that sequences of them compare with `==`.
private func flat(_ occurrence: (input: Int, line: Int, record: Int)?) -> [Int]? {
    occurrence.map { [$0.input, $0.line, $0.record] }
}

/// A `Deduplicator` checked against a plain dictionary and list: every call's answer is
/// compared with what the reference says it must be.
private struct CheckedSet {
    var set = Deduplicator()
    var reference: [[UInt8]: [Int]] = [:]
    var order: [[UInt8]] = []

    mutating func register(_ id: [UInt8], input: Int, line: Int, record: Int) {
        let got = id.withUnsafeBytes { set.register($0, input: input, line: line, record: record) }
        let expected = reference[id]
        #expect(flat(got) == expected, "register \(id) at \(input), \(line), \(record)")
        if expected == nil {
            reference[id] = [input, line, record]
            order.append(id)
        }
    }

    /// Where `id` was first seen, asked of a copy of the set: registering it there answers the
    /// lookup and leaves the set itself as it was.
    func firstOccurrence(of id: [UInt8]) -> (input: Int, line: Int, record: Int)? {
        var copy = set
        return id.withUnsafeBytes { copy.register($0, input: -1, line: -1, record: -1) }
    }

    /// Checks count, lookups of every id (and of absent ones) and the iteration order.
    func verify(absent: [[UInt8]] = []) {
        #expect(set.count == reference.count)
        for (id, first) in reference {
            #expect(flat(firstOccurrence(of: id)) == first, "lookup \(id)")
        }
        for id in absent where reference[id] == nil {
            #expect(firstOccurrence(of: id) == nil, "absent \(id)")
        }
        var visited: [[UInt8]] = []
        var occurrences: [[Int]] = []
        set.forEach { id, first in
            visited.append(Array(id))
            occurrences.append(flat(first)!)
        }
        #expect(visited == order)
        #expect(occurrences == order.map { reference[$0]! })
    }
}

/// Characters an id may be packed from, and two that it may not.
private let idCharacters = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

/// A random id: a short one over few letters (so that some repeat), 8–14 id-like characters
/// (now and then a '.' or a NUL among them), or 0–40 arbitrary bytes.
private func randomID(_ random: inout SplitMix64) -> [UInt8] {
    switch Int.random(in: 0..<3, using: &random) {
    case 0:
        return (0..<Int.random(in: 1...3, using: &random)).map { _ in UInt8.random(in: 65...68, using: &random) }
    case 1:
        return (0..<Int.random(in: 8...14, using: &random)).map { _ in
            switch Int.random(in: 0..<40, using: &random) {
            case 0: UInt8(ascii: ".")
            case 1: 0
            case 2...5: UInt8(ascii: "7")
            default: idCharacters.randomElement(using: &random)!
            }
        }
    default:
        return (0..<Int.random(in: 0...40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
}

@Test("random ids of 0–40 bytes over several inputs, with repeats and multi-line records, match a dictionary")
func randomIDsMatchDictionary() {
    var random = SplitMix64(seed: 42)
    var checked = CheckedSet()
    var line = 1
    var input = 0
    var record = 0
    for _ in 0..<60_000 {
        if Int.random(in: 0..<5_000, using: &random) == 0 {
            input += 1
            record = 0
            line = 1
        }
        record += 1
        // A header's line, multi-line quoted fields and blank lines: the line runs ahead of the record.
        line += Int.random(in: 0..<8, using: &random) == 0 ? Int.random(in: 2...4, using: &random) : 1
        checked.register(randomID(&random), input: input, line: line, record: record)
    }
    checked.verify(absent: (0..<2_000).map { _ in randomID(&random) })
}

@Test("W1-like ids (R and 8 digits), 200,000 of them across several growths, each seen twice")
func manyShortIDs() {
    var checked = CheckedSet()
    func id(_ number: Int) -> [UInt8] {
        let digits = String(number)
        return Array(("R" + String(repeating: "0", count: 8 - digits.count) + digits).utf8)
    }
    for number in 0..<200_000 { checked.register(id(number), input: 0, line: number + 2, record: number + 1) }
    // Second pass in a second input: every id is a duplicate of its first-input record.
    for number in stride(from: 199_999, through: 0, by: -7) {
        checked.register(id(number), input: 1, line: 5, record: 3)
    }
    checked.verify(absent: [id(200_000), id(-1), Array("R0000000".utf8), Array("R000000000".utf8)])
}

@Test("ids that differ only in trailing zero bytes, in length or in one character around the entry's forms stay apart")
func paddingAndLengthBoundaries() {
    var checked = CheckedSet()
    let ids: [[UInt8]] = [
        [], [0], [0, 0], [65], [65, 0], [65, 0, 0], Array(repeating: 0, count: 11), Array(repeating: 0, count: 12),
        Array(repeating: 66, count: 10), Array(repeating: 66, count: 11), Array(repeating: 66, count: 12),
        Array(repeating: 66, count: 13), [0xFF], [0xFF, 0xFF], Array(repeating: 0xFF, count: 11),
        Array(repeating: 0xFF, count: 12), Array("EMP-0001234".utf8), Array("EMP_0001234".utf8),
        Array("EMP.0001234".utf8), Array("zz_--_zz09AZ".utf8), Array("zz_--_zz09AZ0".utf8), Array("000000000".utf8),
        Array("0000000000".utf8), Array("00000000000".utf8), Array("000000000000".utf8), Array("__________".utf8),
        Array("----------".utf8), Array(repeating: 0, count: 10), Array(repeating: 67, count: 70_000),
        Array(repeating: 67, count: 70_000) + [1], Array(repeating: 67, count: 69_999),
        // Around the forms' edges: 7 raw bytes, 8 to 10 packed characters, 8 to 16 digits.
        Array("ABCDEFG".utf8), Array("ABCDEFGH".utf8), Array("ABCDEFGHIJ".utf8), Array("ABCDEFGHIJK".utf8),
        Array("1234567".utf8), Array("12345678".utf8), Array("012345678".utf8), Array("0012345678".utf8),
        Array("9999999999999999".utf8), Array("99999999999999999".utf8), Array("0000000000000000".utf8),
        Array("00000000000000000".utf8), Array("1234567A".utf8), Array("A1234567".utf8), Array("EMP0012345".utf8),
        Array("12345678\u{0}".utf8), Array("1234 5678".utf8),
    ]
    for (number, id) in ids.enumerated() { checked.register(id, input: 0, line: number + 2, record: number + 1) }
    for (number, id) in ids.enumerated().reversed() {
        checked.register(id, input: 1, line: number + 2, record: number + 1)
    }
    checked.verify(absent: [
        [1], [0, 0, 0], Array(repeating: 66, count: 14), Array(repeating: 67, count: 70_001), Array("EMP-0001235".utf8),
        Array("000000000_".utf8), Array("_000000000".utf8), Array("123456789".utf8), Array("00012345678".utf8),
        Array("ABCDEFGHI".utf8), Array("9999999999999998".utf8),
    ])
}

@Test("ids of digits only, 1 to 20 of them with leading zeros, match a dictionary")
func digitIDsMatchDictionary() {
    var random = SplitMix64(seed: 5)
    var checked = CheckedSet()
    for record in 1...30_000 {
        let id = (0..<Int.random(in: 1...20, using: &random)).map { _ in
            UInt8(ascii: "0")
                + UInt8(Int.random(in: 0..<4, using: &random) == 0 ? 0 : Int.random(in: 0...9, using: &random))
        }
        checked.register(id, input: 0, line: record + 1, record: record)
    }
    checked.verify(absent: ["00000000000000000000", "12", "99999999999999999"].map { Array($0.utf8) })
}

@Test("locations that the compact coding cannot express are kept exactly")
func unusualLocations() {
    var checked = CheckedSet()
    let big = Int(UInt32.max)
    // Entry 0 starts a group of 64 at record 1, line − record 1. Entry k of the group is coded
    // by r = record − 1 − k and l = line − record − 1, each as its growth since the last coded
    // entry, in a stream with room for 65 steps a group (one bit is kept for each later entry).
    let locations: [(input: Int, line: Int, record: Int)] = [
        (0, 2, 1), (0, 3, 2),  // coded: r 0, l 0
        (0, 2 + big, 1 + big), (0, big * 3, big * 2),  // records past UInt32
        (0, 10, 3),  // r falls back (−2)
        (7, 2, 1),  // another input
        (0, 40, 30),  // coded: r 23, l 9
        (0, 90, 40),  // coded: r 32, l 49 (40 line steps at once)
        (0, 100, 50),  // coded: r 41, l 49
        (0, 160, 60),  // l 99: 50 more line steps than the 16 left
        (0, 70, 60),  // l falls back (9)
        (0, 115, 65),  // coded again: r 53, l 49
        (1, 116, 66),  // fits, but another input
        (70_000, 1, 1), (0, Int.max, Int.min), (Int.max, Int.min, Int.max), (-1, -5, -3), (0, 0, 0), (0, 1, 1),
    ]
    for (number, location) in locations.enumerated() {
        checked.register(Array("id\(number)".utf8), input: location.input, line: location.line, record: location.record)
    }
    // Ordinary ids up to entry 128, which then starts a group from extreme values.
    for number in locations.count..<128 {
        checked.register(Array("n\(number)".utf8), input: 3, line: number * 2, record: number)
    }
    checked.register(Array("extreme base".utf8), input: Int.min, line: Int.max, record: Int.min)
    checked.register(Array("after it".utf8), input: Int.min, line: Int.max, record: Int.min + 4)
    checked.register(Array("and after".utf8), input: Int.min, line: Int.min + 9, record: Int.min + 5)
    for number in 0..<300 { checked.register(Array("m\(number)".utf8), input: 3, line: number * 2, record: number) }
    for number in locations.indices { checked.register(Array("id\(number)".utf8), input: 9, line: 9, record: 9) }
    checked.verify()
}

@Test("registering one set's ids into another (forEach) gives what one set fed everything gives")
func mergeThroughForEach() {
    var random = SplitMix64(seed: 7)
    var first = Deduplicator()
    var second = Deduplicator()
    var whole = CheckedSet()
    for record in 1...20_000 {
        let id = randomID(&random)
        let input = record <= 10_000 ? 0 : 1
        _ = id.withUnsafeBytes {
            input == 0
                ? first.register($0, input: 0, line: record + 1, record: record)
                : second.register($0, input: 1, line: record * 2, record: record - 10_000)
        }
        whole.register(
            id, input: input, line: input == 0 ? record + 1 : record * 2, record: input == 0 ? record : record - 10_000)
    }
    second.forEach { id, occurrence in
        _ = first.register(id, input: occurrence.input, line: occurrence.line, record: occurrence.record)
    }
    var merged = whole
    merged.set = first
    merged.verify()
}

@Test(
    "records of several lines, or with skipped records, at and past what a group's streams hold",
    arguments: [(1, 0), (2, 0), (3, 0), (1, 1), (1, 2), (2, 1), (9, 3)])
func regularSteps(linesPerRecord: Int, skippedPerRecord: Int) {
    var checked = CheckedSet()
    var line = 1
    var record = 0
    for number in 0..<1_000 {
        record += 1 + skippedPerRecord
        line += linesPerRecord * (1 + skippedPerRecord)
        checked.register(Array("R\(number)".utf8), input: 0, line: line, record: record)
        if number % 3 == 0 { checked.register(Array("R\(number / 2)".utf8), input: 0, line: line, record: record) }
    }
    checked.verify()
}

@Test("a group whose line stream is exactly full, then steps over")
func fullStream() {
    var checked = CheckedSet()
    // Entry 0 at line − record 1; entry 1 takes all 65 line steps the group has room for; entry
    // 2 asks for two more, and so do entries 3–63 (all kept apart: a stream that took them
    // would need bits past its 128); entry 64 starts a new group.
    checked.register(Array("a".utf8), input: 0, line: 2, record: 1)
    checked.register(Array("b".utf8), input: 0, line: 68, record: 2)
    checked.register(Array("c".utf8), input: 0, line: 71, record: 3)
    for number in 3..<70 {
        checked.register(Array("n\(number)".utf8), input: 0, line: 69 + number, record: number + 1)
    }
    checked.verify()
}

@Test("room reserved part-way (for more ids than come, and for fewer) keeps every id and its first occurrence")
func reservingRoomKeepsEveryID() {
    var random = SplitMix64(seed: 7)
    var checked = CheckedSet()
    for record in 1...3_000 { checked.register(randomID(&random), input: 0, line: record + 1, record: record) }
    // Room for far more than will come, then for fewer than are already there (a no-op).
    checked.set.reserve(50_000)
    checked.set.reserve(10)
    for record in 3_001...20_000 { checked.register(randomID(&random), input: 0, line: record + 1, record: record) }
    checked.verify(absent: (0..<1_000).map { _ in randomID(&random) })
    #expect(checked.set.indexCapacity >= 50_000 && checked.set.indexCapacity < 70_000)
}
