import Testing

@testable import CandorSample

/// Every survey/format pair the generator supports.
private let supportedPairs: [(SampleSurvey, SampleFormat)] = [
    (.badBoss, .generic), (.badBoss, .qualtrics), (.badBoss, .googleForms), (.engagement, .generic),
]

/// Header rows per layout: Qualtrics has three, the others one.
private func headerRows(_ format: SampleFormat) -> Int {
    format == .qualtrics ? 3 : 1
}

private func generate(
    _ survey: SampleSurvey, _ format: SampleFormat, rows: Int, seed: UInt64 = 1, dirty: Int = 0
) throws -> [UInt8] {
    try SampleGenerator(survey: survey, format: format, rows: rows, seed: seed, dirtyRows: dirty).bytes()
}

@Test(arguments: supportedPairs.map { "\($0.0.rawValue)/\($0.1.rawValue)" })
func sameSeedGivesIdenticalBytes(pair: String) throws {
    let (survey, format) = try #require(supportedPairs.first { "\($0.0.rawValue)/\($0.1.rawValue)" == pair })
    let first = try generate(survey, format, rows: 400, seed: 42, dirty: 6)
    let second = try generate(survey, format, rows: 400, seed: 42, dirty: 6)
    #expect(first == second)
    #expect(first.count > 10_000)
}

@Test(arguments: supportedPairs.map { "\($0.0.rawValue)/\($0.1.rawValue)" })
func differentSeedGivesDifferentBytes(pair: String) throws {
    let (survey, format) = try #require(supportedPairs.first { "\($0.0.rawValue)/\($0.1.rawValue)" == pair })
    #expect(try generate(survey, format, rows: 50, seed: 1) != generate(survey, format, rows: 50, seed: 2))
}

@Test(arguments: [0, 1, 2, 7, 200, 1500])
func recordCountIsExact(rows: Int) throws {
    for (survey, format) in supportedPairs {
        let bytes = try generate(survey, format, rows: rows, dirty: SampleGenerator.defaultDirtyRows(forRows: rows))
        let records = try #require(SampleCSVReader.records(bytes))
        #expect(records.count == rows + headerRows(format), "\(survey) \(format)")
    }
}

@Test func outputIsValidUTF8WithCRLFLineEnds() throws {
    for (survey, format) in supportedPairs {
        let bytes = try generate(survey, format, rows: 1500, dirty: 7)
        #expect(String(validating: bytes, as: UTF8.self) != nil)
        // Every LF outside quoted fields ends a record and so must follow a CR.
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
    }
}

@Test(arguments: [(1500, 7), (1200, 6), (300, 12), (10, 10)])
func dirtyRowCountIsExact(rows: Int, dirty: Int) throws {
    let engagement = try #require(SampleCSVReader.records(generate(.engagement, .generic, rows: rows, dirty: dirty)))
    #expect(defectiveEngagementRows(engagement) == dirty)
    let badBoss = try #require(SampleCSVReader.records(generate(.badBoss, .generic, rows: rows, dirty: dirty)))
    #expect(defectiveBadBossRows(badBoss) == dirty)
    let clean = try #require(SampleCSVReader.records(generate(.engagement, .generic, rows: rows, dirty: 0)))
    #expect(defectiveEngagementRows(clean) == 0)
}

@Test func sinkReceivesBoundedChunksThatAddUpToTheFile() throws {
    let generator = try SampleGenerator(survey: .badBoss, format: .qualtrics, rows: 1500, seed: 3, dirtyRows: 7)
    var chunks: [Int] = []
    var joined: [UInt8] = []
    generator.write { chunk in
        chunks.append(chunk.count)
        joined.append(contentsOf: chunk)
    }
    #expect(chunks.count > 3)
    #expect(chunks.allSatisfy { $0 > 0 && $0 <= 65_536 })
    #expect(joined == generator.bytes())
}

@Test func qualtricsHasThreeHeaderRowsAndPartialResponses() throws {
    let bytes = try generate(.badBoss, .qualtrics, rows: 1500, dirty: 7)
    #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
    let records = try #require(SampleCSVReader.records(Array(bytes.dropFirst(3))))
    #expect(
        Array(records[0].prefix(9)) == [
            "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
            "RecordedDate", "ResponseId",
        ])
    #expect(records[0].contains("Q9_1"))
    #expect(records[1][0] == "Start Date")
    #expect(records[2][0] == #"{"ImportId":"startDate","timeZone":"UTC"}"#)
    #expect(records[2].allSatisfy { $0.hasPrefix(#"{"ImportId":""#) && $0.hasSuffix("}") })
    #expect(records[3][0].count == "2026-03-02 07:30:00".count)
    let finished = try #require(records[0].firstIndex(of: "Finished"))
    let progress = try #require(records[0].firstIndex(of: "Progress"))
    let partial = records.dropFirst(3).filter { $0.count > finished && $0[finished] == "0" }
    #expect(!partial.isEmpty)
    #expect(partial.count < 50)
    #expect(partial.allSatisfy { (Int($0[progress]) ?? 100) < 100 })
}

@Test func googleFormsJoinsChoicesWithCommaSpace() throws {
    let records = try #require(SampleCSVReader.records(generate(.badBoss, .googleForms, rows: 300)))
    #expect(records[0][0] == "Timestamp")
    let column = try #require(records[0].firstIndex { $0.hasPrefix("Which of these have you experienced") })
    let answers = records.dropFirst().map { $0[column] }
    let joinedWithOthers = answers.filter {
        $0.contains("Credit taker, blame shifter, ") || $0.contains(", Credit taker, blame shifter")
    }
    #expect(!joinedWithOthers.isEmpty)
    #expect(!answers.contains { $0.contains(";") })
    // The timestamp is "YYYY/MM/DD H:MM:SS AM GMT": 12-hour clock, hour not padded.
    let stamp = records[1][0]
    #expect(stamp.hasPrefix("2026/03/") && stamp.hasSuffix(" GMT"))
    #expect(stamp.contains(" AM ") || stamp.contains(" PM "))
}

@Test func headlineFiguresComeOutRealistic() throws {
    let records = try #require(SampleCSVReader.records(generate(.badBoss, .generic, rows: 1500, seed: 20_260_314)))
    let header = records[0]
    let rows = records.dropFirst().filter { $0.count == header.count }
    func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
    let types = try column("bad_boss_types"), left = try column("left_job_because_of_manager")
    let manager = try column("is_manager"), promoted = try column("promoted_for_technical_skill")
    let wanted = try column("wanted_to_manage")
    let anyShare = Double(rows.filter { $0[types] != "None of these" }.count) / Double(rows.count)
    #expect(anyShare > 0.985 && anyShare < 1.0)
    let leftShare = Double(rows.filter { $0[left] == "Yes" }.count) / Double(rows.count)
    #expect(leftShare > 0.42 && leftShare < 0.58)
    let managers = rows.filter { $0[manager] == "yes" }
    let wrongPick =
        Double(managers.filter { $0[promoted] == "yes" && $0[wanted] == "no" }.count)
        / Double(managers.count)
    #expect(wrongPick > 0.72 && wrongPick < 0.90)
    #expect(rows.filter { $0[manager] == "no" }.allSatisfy { $0[promoted].isEmpty && $0[wanted].isEmpty })
}

@Test func unsupportedCombinationsAreTypedErrors() {
    #expect(throws: SampleError.unsupportedFormat(survey: .engagement, format: .qualtrics)) {
        try SampleGenerator(survey: .engagement, format: .qualtrics, rows: 10, seed: 1, dirtyRows: 0)
    }
    #expect(
        SampleError.unsupportedFormat(survey: .engagement, format: .googleForms).description
            == "The engagement sample has no google-forms export; use one of: generic."
    )
    #expect(throws: SampleError.invalidDirtyRowCount(dirtyRows: 11, rows: 10)) {
        try SampleGenerator(survey: .badBoss, format: .generic, rows: 10, seed: 1, dirtyRows: 11)
    }
    #expect(throws: SampleError.negativeRowCount(-1)) {
        try SampleGenerator(survey: .badBoss, format: .generic, rows: -1, seed: 1, dirtyRows: 0)
    }
}

@Test func splitMix64MatchesTheReferenceSequence() {
    // Reference values from an independent Python SplitMix64 (Vigna's splitmix64.c):
    // `python3 Tests/CandorPipelineTests/Reference/splitmix64.py` prints them for seeds 0 and 20260314.
    var zero = SplitMix64(seed: 0)
    let expected: [UInt64] = [16_294_208_416_658_607_535, 7_960_286_522_194_355_700, 487_617_019_471_545_679]
    #expect([zero.next(), zero.next(), zero.next()] == expected)
    var fixed = SplitMix64(seed: 20_260_314)
    #expect([fixed.next(), fixed.next()] == [15_478_102_507_969_276_624, 727_345_800_767_812_879])
}

@Test(arguments: [
    // (epoch seconds, ISO 8601, Qualtrics, Google Forms); from Python:
    // datetime.fromtimestamp(t, timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ') etc. (hour unpadded by hand)
    (Int64(1_773_479_131), "2026-03-14T09:05:31Z", "2026-03-14 09:05:31", "2026/03/14 9:05:31 AM GMT"),
    (Int64(1_773_522_000), "2026-03-14T21:00:00Z", "2026-03-14 21:00:00", "2026/03/14 9:00:00 PM GMT"),
    (Int64(951_782_400), "2000-02-29T00:00:00Z", "2000-02-29 00:00:00", "2000/02/29 12:00:00 AM GMT"),
    (Int64(1_772_452_800), "2026-03-02T12:00:00Z", "2026-03-02 12:00:00", "2026/03/02 12:00:00 PM GMT"),
])
func clockFormatsByHand(seconds: Int64, iso: String, qualtrics: String, google: String) {
    let clock = SampleClock(secondsSinceEpoch: seconds)
    #expect(clock.iso8601 == iso)
    #expect(clock.qualtrics == qualtrics)
    #expect(clock.googleForms == google)
}

// MARK: - Independent checks

private let agree = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
private let departments = [
    "Engineering", "Sales", "Support", "Marketing", "Finance", "Operations", "People", "Product",
]

/// Rows of the generic engagement file with any defect: wrong width, bad item, bad eNPS, blank
/// q01, unknown department or a repeated id.
private func defectiveEngagementRows(_ records: [[String]]) -> Int {
    let header = records[0]
    var seen = Set<String>()
    var count = 0
    for row in records.dropFirst() {
        defer { if let id = row.first { seen.insert(id) } }
        guard row.count == header.count else { count += 1; continue }
        let itemsOK = row[5..<17].allSatisfy {
            $0.isEmpty || agree.contains($0) || ["1", "2", "3", "4", "5"].contains($0)
        }
        let enpsOK = Int(row[17]).map { (0...10).contains($0) } ?? false
        if !itemsOK || !enpsOK || row[5].isEmpty || !departments.contains(row[2]) || seen.contains(row[0]) {
            count += 1
        }
    }
    return count
}

/// Rows of the generic bad-boss file with any defect.
private func defectiveBadBossRows(_ records: [[String]]) -> Int {
    let header = records[0]
    var seen = Set<String>()
    var count = 0
    for row in records.dropFirst() {
        defer { if let id = row.first { seen.insert(id) } }
        guard row.count == header.count else { count += 1; continue }
        let likertOK = row[11...12].allSatisfy { $0.isEmpty || agree.contains($0) }
        let leftOK = ["Yes", "No"].contains(row[10])
        if !likertOK || !leftOK || row[9].isEmpty || !departments.contains(row[2]) || seen.contains(row[0]) {
            count += 1
        }
    }
    return count
}
