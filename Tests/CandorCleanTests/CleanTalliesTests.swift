import CandorCore
import CandorIngest
import Testing

@testable import CandorClean

@Suite struct CleanTalliesTests {
    /// A tally with every count non-zero and every collection non-empty, each scaled by `n`.
    static func filled(_ n: Int) -> CleanTallies {
        var tallies = CleanTallies(fieldCount: 2, blockCount: 1, textSampleLimit: 3)
        tallies.read = 10 * n
        tallies.accepted = 4 * n
        tallies.rejectedByReason = [.invalidValue: 2 * n]
        tallies.excludedByFilter = ["finished": n]
        tallies.finishedInputs = ["a.csv": .init(read: 3 * n, accepted: n, rejected: n, excluded: n)]
        tallies.current = .init(read: 7 * n, accepted: 3 * n, rejected: n, excluded: n)
        tallies.qualityCounts = [n, 2 * n, 3 * n, 4 * n, 5 * n, 6 * n]
        tallies.straightLiners = [n]
        tallies.identicalRows = n
        tallies.answeredWholeBlock = [2 * n]
        tallies.textSamples = [["t\(n)", "u\(n)"], []]
        tallies.latestTimestamp = Int64(1_000 * n)
        var sketches = CellSketches(capacity: 4)
        sketches.insert(SetSketch.Entry(id: UInt64(n), value: UInt64(n)), into: CellSketches.Key(table: 0))
        tallies.sketches = sketches
        return tallies
    }

    /// `merge` adds every stored property: each one's merged value is worked out by hand, and
    /// a reflection over the type checks that the test names every property (a new one fails
    /// here until its merge is written and checked) and that merging changed each of them.
    @Test func mergeAddsEveryField() {
        let first = Self.filled(1)
        var merged = first
        merged.merge(Self.filled(10))
        #expect(merged.read == 110)
        #expect(merged.accepted == 44)
        #expect(merged.rejectedByReason == [.invalidValue: 22])
        #expect(merged.excludedByFilter == ["finished": 11])
        #expect(merged.finishedInputs == ["a.csv": .init(read: 33, accepted: 11, rejected: 11, excluded: 11)])
        #expect(merged.current == .init(read: 77, accepted: 33, rejected: 11, excluded: 11))
        #expect(merged.qualityCounts == [11, 22, 33, 44, 55, 66])
        #expect(merged.straightLiners == [11])
        #expect(merged.identicalRows == 11)
        #expect(merged.answeredWholeBlock == [22])
        // The limit is 3: the later part's answers fill the one place left.
        #expect(merged.textSamples == [["t1", "u1", "t10"], []])
        // The later of the two parts' latest timestamps, whichever part holds it.
        #expect(merged.latestTimestamp == 10_000)
        var reversed = Self.filled(10)
        reversed.merge(first)
        #expect(reversed.latestTimestamp == 10_000)
        // Both parts' respondents are in the merged cell's sketch.
        var sketch = SetSketch(capacity: 4)
        sketch.insert(SetSketch.Entry(id: 1, value: 1))
        sketch.insert(SetSketch.Entry(id: 10, value: 10))
        #expect(merged.sketches?.cells == [CellSketches.Key(table: 0): sketch])

        let checked: Set = [
            "read", "accepted", "rejectedByReason", "excludedByFilter", "finishedInputs", "current", "qualityCounts",
            "straightLiners", "answeredWholeBlock", "textSamples", "latestTimestamp", "identicalRows", "sketches",
        ]
        let configuration: Set = ["textSampleLimit"]
        let before = Dictionary(uniqueKeysWithValues: Mirror(reflecting: first).children.map { ($0.label!, $0.value) })
        let empty = Dictionary(
            uniqueKeysWithValues: Mirror(reflecting: first.empty()).children.map { ($0.label!, $0.value) })
        let properties = Mirror(reflecting: merged).children.map { $0.label! }
        #expect(Set(properties) == checked.union(configuration), "every property of CleanTallies is checked above")
        for child in Mirror(reflecting: merged).children where !configuration.contains(child.label!) {
            let label = child.label!
            #expect("\(empty[label]!)" != "\(before[label]!)", "the fixture sets \(label)")
            #expect("\(child.value)" != "\(before[label]!)", "merge changes \(label)")
        }
    }

    @Test func emptyKeepsTheShapeAndNothingElse() {
        let empty = Self.filled(5).empty()
        var shape = CleanTallies(fieldCount: 2, blockCount: 1, textSampleLimit: 3)
        shape.sketches = CellSketches(capacity: 4)
        #expect(empty == shape)
        var merged = empty
        merged.merge(Self.filled(5))
        #expect(merged == Self.filled(5))
    }

    /// A file cleaned in two parts (the later by a `laterPart()` cleaner, then absorbed) gives
    /// the accounting and text samples of the whole file cleaned at once. The rows exercise
    /// every count: accepted, rejected (duplicate ids within a part, a ragged record),
    /// excluded (a definite and an unknown filter value), blanks, a non-answer, invalid values
    /// kept as missing, straight-lining and free-text samples past their limit.
    @Test func halvesMergeToTheWhole() throws {
        let schema = SurveySchema(
            fields: [
                field("id", .id), field("finished", .boolean(.standard)), field("q1", .likert(agree5, reverse: false)),
                field("q2", .likert(agree5, reverse: false)),
                field("score", .integer(min: 0, max: 10), onInvalid: .missing), field("comment", .text),
            ],
            blocks: [.init(name: "b", fields: [2, 3])], dedupe: .init(field: 0, keep: .first),
            filters: [.init(name: "finished", predicate: .oneOf(field: 1, values: [1]))])
        let header = "id,finished,q1,q2,score,comment\n"
        let first = "A,1,5,5,3,great\nB,1,4,Don't know,11,meh\nC,0,3,3,2,x\nD,1,,2,x,\nD,1,2,2,4,again\n"
        let second = "E,1,2,2,5,fine\nF,1,4,5,6,ok\nG,1,1,1\nE,1,3,3,3,twice\nH,,5,4,7,late\n"
        let (whole, parted) = try CleanHarness.wholeAndParted(
            schema, header: header, first: first, second: second, textSampleLimit: 3)
        // Worked out by hand from the rows: A, B, D, E, F accepted; the second D and E
        // and the ragged G rejected; C (not finished) and H (finished unknown) excluded.
        let accounting = whole.accounting
        #expect(accounting.read == 10 && accounting.accepted == 5)
        #expect(accounting.rejectedByReason == [.duplicateID: 2, .raggedRecord: 1])
        #expect(accounting.excludedByFilter == ["finished": 2])
        #expect(accounting.blanks == ["q1": 1, "comment": 1])
        #expect(accounting.nonAnswers == ["q2": 1])
        #expect(accounting.invalidAsMissing == ["score": 2])
        #expect(accounting.straightLining["b"]?.flagged == 2 && accounting.straightLining["b"]?.answeredAll == 3)
        #expect(whole.textSamples(ofField: 5) == ["great", "meh", "fine"])

        #expect(parted.accounting == accounting)
        #expect(parted.textSamples(ofField: 5) == whole.textSamples(ofField: 5))
    }

    /// The latest timestamp of accepted responses, which dates the report, is the same whether a
    /// file is cleaned whole or in two parts. The duplicate C (rejected) holds the latest value of
    /// all and must not count; the latest accepted one is B's, in the first part:
    /// 2026-03-05T00:00:00Z, `python3 -c "import datetime as d;
    /// print(int(d.datetime(2026, 3, 5, tzinfo=d.timezone.utc).timestamp()))"` → 1772668800.
    @Test func theLatestTimestampOfTwoPartsIsTheWholeFilesAndSkipsRejectedRows() throws {
        let format = try TimestampFormat(pattern: "iso8601")
        let schema = SurveySchema(
            fields: [field("id", .id), field("at", .timestamp(formats: [format]))],
            dedupe: .init(field: 0, keep: .first))
        let header = "id,at\n"
        let first = "A,2026-03-01T10:00:00Z\nB,2026-03-05T00:00:00Z\n"
        let second = "C,2026-03-02T00:00:00Z\nC,2026-03-09T00:00:00Z\n"
        let (whole, parted) = try CleanHarness.wholeAndParted(schema, header: header, first: first, second: second)
        #expect(whole.accounting.latestTimestamp == 1_772_668_800)
        #expect(parted.accounting.latestTimestamp == 1_772_668_800)
        #expect(parted.accounting == whole.accounting)
    }
}
