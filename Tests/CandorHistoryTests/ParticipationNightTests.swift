import CandorAggregate
import Foundation
import Testing

@testable import CandorHistory

/// Participation by night in the history: appended per run of a wave, kept when the wave's
/// figures are replaced, not repeated for the same inputs, removed with the wave.
@Suite struct ParticipationNightTests {
    static func night(_ seconds: Double, inputs: String, responded: Int) -> ParticipationNight {
        ParticipationNight(
            runTime: Date(timeIntervalSince1970: seconds), inputs: inputs, invited: 40, responded: responded)
    }

    @Test func rerunsKeepTheNightsAndForgettingRemovesThem() throws {
        let store = try HistoryStore(path: try HistoryStoreTests.folder() + "/h.sqlite")
        let first = Self.night(86_400, inputs: "aa", responded: 10)
        let second = Self.night(2 * 86_400, inputs: "bb", responded: 17)
        try store.record(HistoryStoreTests.record("w1", at: 86_400, value: 0.5), night: first)
        // The second night replaces the wave's figures; its first night stays.
        try store.record(HistoryStoreTests.record("w1", at: 2 * 86_400, value: 0.6), night: second)
        // The same inputs and counts again: that night once more, not a third.
        try store.record(
            HistoryStoreTests.record("w1", at: 3 * 86_400, value: 0.6),
            night: Self.night(3 * 86_400, inputs: "bb", responded: 17))
        try store.record(HistoryStoreTests.record("w2", at: 4 * 86_400, value: 0.7), night: first)
        #expect(try store.nights(pipeline: "engagement", wave: "w1") == [first, second])
        #expect(try store.waves(pipeline: "engagement").count == 2)
        #expect(try store.nights(pipeline: "engagement", wave: "w2") == [first])
        #expect(try store.nights(pipeline: "other", wave: "w1") == [])
        #expect(try store.forget(pipeline: "engagement", wave: "w1"))
        #expect(try store.nights(pipeline: "engagement", wave: "w1") == [])
        #expect(try store.nights(pipeline: "engagement", wave: "w2") == [first])
    }
}
