import CandorCore
import Testing

@testable import CandorIngest

/// `InputInspection.inspect` over a file with good and bad records.
@Suite(.temporaryFiles)
struct InspectTests {
    @Test func countsRecordsRejectsAndValues() throws {
        let path = try ReaderHarness.temporaryFile("team,score\nA,1\nB,2\nA,3\nA\nB,2,9\n")
        let inspection = try InputInspection.inspect(path: path)
        #expect(inspection.records == 5)
        #expect(inspection.rejectedByReason == [.raggedRecord: 2])
        #expect(inspection.columns.map(\.name) == ["team", "score"])
        #expect(inspection.columns[0].distinct == 2)
        #expect(inspection.columns[0].top.map(\.value) == ["A", "B"])
        #expect(inspection.columns[0].top.map(\.count) == [2, 1])
        #expect(inspection.shape.lineEndings == LineEndingCounts(crlf: 0, lf: 5, cr: 0))
    }
}
