import CandorCore
import Testing

@testable import CandorClean

/// Tallies written for a partial come back equal, every counter included.
@Suite struct CleanTalliesStateTests {
    @Test func everyCounterComesBack() throws {
        var tallies = CleanTallies(fieldCount: 2, blockCount: 1, textSampleLimit: 2)
        tallies.countRead()
        tallies.countAccepted()
        tallies.countRead()
        tallies.countRejected(.duplicateID)
        tallies.countRead()
        tallies.countExcluded("finished")
        tallies.finishInput("a.csv")
        tallies.countRead()
        tallies.qualityCounts[3] = 4
        tallies.straightLiners[0] = 1
        tallies.answeredWholeBlock[0] = 2
        tallies.textSamples[1] = ["fine", "ok"]
        tallies.noteTimestamp(1_773_964_800)
        var writer = StateWriter()
        tallies.encodeState(into: &writer)
        var reader = StateReader(writer.bytes)
        var decoded = tallies.empty()
        try decoded.decodeState(from: &reader)
        #expect(reader.isAtEnd)
        #expect(decoded == tallies)
        #expect(decoded.latestTimestamp == 1_773_964_800)
    }
}
