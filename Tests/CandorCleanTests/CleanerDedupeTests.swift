import CandorCore
import CandorIngest
import Foundation
import Testing

@testable import CandorClean

/// `id`, a `submitted` ISO 8601 timestamp and a `score` 0–10; dedupe by `id`.
private func schema(latest: Bool = false) throws -> SurveySchema {
    SurveySchema(
        fields: [
            field("id", .id), field("submitted", .timestamp(formats: [try TimestampFormat(pattern: "iso8601")])),
            field("score", .integer(min: 0, max: 10)),
        ],
        dedupe: .init(field: 0, keep: latest ? .latest(orderBy: 1) : .first))
}

@Test("keep first: a later duplicate is rejected as a duplicate of the first record")
func keepFirst() throws {
    let run = try CleanHarness.run(try schema(), "id,submitted,score\nA,,1\nB,,2\nA,,3\nA,,4\n")
    let path = run.paths[0]
    #expect(run.column(2) == [1, 2])
    #expect(run.rejections.map(\.reason) == [.duplicateID, .duplicateID])
    #expect(
        run.messages == [
            "\(path):4: duplicate of record 1 (\(path):2)", "\(path):5: duplicate of record 1 (\(path):2)",
        ])
    #expect(run.rejections.first?.field == "id")
    #expect(run.rejections.first?.column == 1)
    #expect(run.accounting.rejectedByReason == [.duplicateID: 2])
}

@Test("keep first across inputs names the first input's file and line")
func keepFirstAcrossInputs() throws {
    let run = try CleanHarness.run(
        try schema(), ["id,submitted,score\nA,,1\nB,,2\n", "id,submitted,score\nC,,3\nB,,4\n"])
    #expect(run.column(2) == [1, 2, 3])
    #expect(run.messages == ["\(run.paths[1]):3: duplicate of record 2 (\(run.paths[0]):3)"])
    #expect(run.accounting.perInput[run.paths[0]] == .init(read: 2, accepted: 2, rejected: 0, excluded: 0))
    #expect(run.accounting.perInput[run.paths[1]] == .init(read: 2, accepted: 1, rejected: 1, excluded: 0))
}

@Test("a record rejected for another reason still registers its id")
func rejectedRegisters() throws {
    let run = try CleanHarness.run(try schema(), "id,submitted,score\nA,,eleven\nA,,5\nB,,5\n")
    let path = run.paths[0]
    #expect(run.rejections.map(\.reason) == [.invalidValue, .duplicateID])
    #expect(
        run.messages == [
            "\(path):2: column 3 (score): 'eleven' is not a whole number",
            "\(path):3: duplicate of record 1 (\(path):2)",
        ])
    #expect(run.column(2) == [5])
}

@Test("a ragged record (rejected by ingest) registers its id")
func raggedRegisters() throws {
    let run = try CleanHarness.run(try schema(), "id,submitted,score\nA,\nA,,5\n")
    let path = run.paths[0]
    #expect(run.rejections.map(\.reason) == [.raggedRecord, .duplicateID])
    #expect(
        run.messages == [
            "\(path):2: column 3: expected 3 fields, found 2", "\(path):3: duplicate of record 1 (\(path):2)",
        ])
    #expect(run.responses.count == 0)
    #expect(run.accounting.balances)
}

@Test("blank ids are not duplicates of each other")
func blankIDs() throws {
    let run = try CleanHarness.run(try schema(), "id,submitted,score\n,,1\n,,2\n")
    #expect(run.rejections.isEmpty)
    #expect(run.column(2) == [1, 2])
}

// Records: A@03-01 (1), B@03-02 (2), A@03-05 (3), A@03-03 (4). A's latest is record 3.
private let latestCSV = """
    id,submitted,score
    A,2026-03-01T00:00:00Z,1
    B,2026-03-02T00:00:00Z,2
    A,2026-03-05T00:00:00Z,3
    A,2026-03-03T00:00:00Z,4

    """

@Test("keep latest: earlier responses are superseded, the latest is kept")
func keepLatest() throws {
    let run = try CleanHarness.run(try schema(latest: true), latestCSV, latest: true)
    let path = run.paths[0]
    #expect(run.column(2) == [2, 3])
    #expect(run.rejections.map(\.reason) == [.supersededResponse, .supersededResponse])
    #expect(run.rejections.map(\.provenance.line) == [2, 5])
    #expect(
        run.messages == [
            "\(path):2: superseded by a later response of the same respondent (record 3 of \(path))",
            "\(path):5: superseded by a later response of the same respondent (record 3 of \(path))",
        ])
    #expect(run.accounting.rejectedByReason == [.supersededResponse: 2])
    #expect(run.accounting.balances)
}

@Test("keep latest: a tie goes to the later record")
func keepLatestTie() throws {
    let csv = "id,submitted,score\nA,2026-03-01T00:00:00Z,1\nA,2026-03-01T00:00:00Z,2\n"
    let run = try CleanHarness.run(try schema(latest: true), csv, latest: true)
    #expect(run.column(2) == [2])
    #expect(run.rejections.map(\.reason) == [.supersededResponse])
}

@Test("keep latest: duplicates that no timestamp can order are still caught (the first is kept)")
func keepLatestWithoutTimestamps() throws {
    let csv = "id,submitted,score\nA,,1\nA,,2\nB,2026-03-01T00:00:00Z,3\nB,,4\n"
    let run = try CleanHarness.run(try schema(latest: true), csv, latest: true)
    let path = run.paths[0]
    // A: neither record has a timestamp, so neither can win on time: the first stays.
    // B: only record 3 has a timestamp, so it wins and record 4 is superseded.
    #expect(run.column(2) == [1, 3])
    #expect(
        run.messages == [
            "\(path):3: duplicate of record 1 (\(path):2)",
            "\(path):5: superseded by a later response of the same respondent (record 3 of \(path))",
        ])
}

@Test("keep latest: blank ids are not duplicates of each other")
func keepLatestBlankIDs() throws {
    let csv = "id,submitted,score\n,2026-03-01T00:00:00Z,1\n,2026-03-02T00:00:00Z,2\n"
    let run = try CleanHarness.run(try schema(latest: true), csv, latest: true)
    #expect(run.rejections.isEmpty)
    #expect(run.column(2) == [1, 2])
}

@Test("the id set is sized once, from the data bytes expected at the first batch's bytes a record, within a cap")
func idSetSizedFromExpectedBytes() throws {
    // 1,000 records of 11 bytes each ("R" and six digits, ",,5" and a line feed).
    let text = "id,submitted,score\n" + (1...1_000).map { "R" + String(format: "%06d", $0) + ",,5\n" }.joined()
    func capacity(expecting bytes: Int64) throws -> Int {
        try CleanHarness.withInput(text) { path in
            let cleaner = Cleaner(schema: try schema())
            let stream = try IngestStream(
                path: path, options: ReadOptions(delimiter: UInt8(ascii: ","), format: .generic))
            try cleaner.begin(input: path, layout: stream.layout)
            cleaner.expect(dataBytes: bytes)
            var responses = ResponseBatch(width: 3)
            while let batch = try stream.next() { try cleaner.clean(batch, into: &responses) { _ in } }
            #expect(responses.count == 1_000)
            return cleaner.state!.deduplicator.indexCapacity
        }
    }
    // 1.1 MB at 11 bytes a record is 100,000 ids; room for them at 3/4 load is 133,333 slots.
    #expect(try capacity(expecting: 1_100_000) == 133_333)
    // A terabyte would be 10^11 ids: the reservation stops at 2^22 of them (5,592,405 slots).
    #expect(try capacity(expecting: 1 << 40) == 5_592_405)
}

@Test("past the touch threshold (32,768 ids), duplicates of every id form are found with their first lines")
func manyIDsOfEveryForm() throws {
    // Ids of every form the log packs: raw (up to 7 bytes), digits, 6-bit letters, and long.
    func id(_ n: Int) -> String {
        switch n % 4 {
        case 0: "r\(n)"
        case 1: String(format: "%012d", n)
        case 2: "ID-\(n)x"
        default: "respondent-number-\(n)-of-the-survey"
        }
    }
    var csv = "id,submitted,score\n"
    var duplicateLines: [(line: Int, first: Int)] = []
    var firstLine: [String: Int] = [:]
    var line = 1
    for n in 0..<45_000 {
        // After 40,000 distinct ids, every fifth record repeats an earlier one; one is ragged.
        let value = n >= 40_000 && n % 5 == 0 ? id((n * 7_919) % 40_000) : id(n)
        line += 1
        csv += n == 42_001 ? "\(value),\n" : "\(value),,5\n"
        if let first = firstLine[value] {
            duplicateLines.append((line, first))
        } else {
            firstLine[value] = line
        }
    }
    let run = try CleanHarness.run(try schema(), csv)
    let path = run.paths[0]
    // One record a line, after the header: record n is on line n + 1.
    let expected = duplicateLines.map {
        "\(path):\($0.line): duplicate of record \($0.first - 1) (\(path):\($0.first))"
    }
    #expect(expected.count == 1_000)
    #expect(run.rejections.filter { $0.reason == .duplicateID }.map(\.message) == expected)
    #expect(run.rejections.filter { $0.reason == .raggedRecord }.count == 1)
    #expect(run.accounting.accepted == 45_000 - 1_001)
}
