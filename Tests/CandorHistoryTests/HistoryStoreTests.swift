import CandorAggregate
import Foundation
import Testing

@testable import CandorHistory

/// The history file: created 0600, migrated, one wave per label, replaced atomically, forgotten.
@Suite struct HistoryStoreTests {
    /// A fresh folder for one test's history.
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "candor-history-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func record(_ wave: String, at seconds: Double, value: Double, suppressedRow: Bool = false) -> WaveRecord {
        let share = Figure(
            value: value, count: value * 200, n: 200,
            interval: Interval(low: value - 0.05, high: value + 0.05, method: .wilson))
        var nps = Figure(value: 12, n: 200, interval: Interval(low: 2, high: 22, method: .npsNormal))
        nps.promoterSplit = PromoterSplit(promoters: 80, detractors: 56)
        let row =
            suppressedRow ? Figure(value: nil, n: 3, suppressed: true, suppressionReason: "below_threshold") : share
        return WaveRecord(
            pipeline: "engagement", wave: wave, runTime: Date(timeIntervalSince1970: seconds),
            definitionSHA256: "abc", respondents: 200,
            inputs: [WaveInput(path: "a.csv", sha256: "00ff", bytes: 1234)],
            metrics: [WaveMetric(id: "fav", kind: "share", label: "Favourable", definitionHash: "h1")],
            figures: [
                HistoryFigure(key: FigureKey(metric: "fav"), figure: share),
                HistoryFigure(key: FigureKey(metric: "fav", segment: "department", labels: ["Sales"]), figure: row),
                HistoryFigure(key: FigureKey(metric: "enps"), figure: nps),
            ])
    }

    @Test func aNewHistoryIsCreatedReadableByItsOwnerOnlyAndMigrated() throws {
        let path = try Self.folder() + "/history.sqlite"
        let store = try HistoryStore(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.appliedMigrations() == ["v1: waves, inputs, metrics, figures", "v-participation", "v-holds"])
    }

    @Test func aWaveComesBackAsItWasRecorded() throws {
        let store = try HistoryStore(path: try Self.folder() + "/h.sqlite")
        let wave = Self.record("2025-Q4", at: 1000, value: 0.6)
        try store.record(wave)
        let read = try store.waves(pipeline: "engagement")
        #expect(read == [wave])
    }

    @Test func aSuppressedFigureIsStoredWithoutItsNumbers() throws {
        let store = try HistoryStore(path: try Self.folder() + "/h.sqlite")
        try store.record(Self.record("w1", at: 1000, value: 0.6, suppressedRow: true))
        let figure = try #require(
            try store.waves(pipeline: "engagement").first?.figure(
                FigureKey(metric: "fav", segment: "department", labels: ["Sales"])))
        #expect(figure.suppressed && figure.value == nil && figure.n == 0 && figure.count == nil)
    }

    @Test func theSameWaveAgainReplacesItAndThePreviousWaveIsTheLatestOtherLabel() throws {
        let store = try HistoryStore(path: try Self.folder() + "/h.sqlite")
        try store.record(Self.record("2025-Q3", at: 1000, value: 0.5))
        try store.record(Self.record("2025-Q4", at: 2000, value: 0.6))
        try store.record(Self.record("2026-Q1", at: 3000, value: 0.7))
        try store.record(Self.record("2026-Q1", at: 4000, value: 0.8))
        #expect(try store.waves(pipeline: "engagement").map(\.wave) == ["2026-Q1", "2025-Q4", "2025-Q3"])
        #expect(try store.waves(pipeline: "engagement").first?.figure(FigureKey(metric: "fav"))?.value == 0.8)
        #expect(try store.previousWave(pipeline: "engagement", before: "2026-Q1")?.wave == "2025-Q4")
        // Rerunning an older wave makes it the latest run: the previous wave is by run time.
        try store.record(Self.record("2025-Q3", at: 5000, value: 0.55))
        #expect(try store.previousWave(pipeline: "engagement", before: "2026-Q1")?.wave == "2025-Q3")
        #expect(try store.previousWave(pipeline: "other", before: "2026-Q1") == nil)
    }

    @Test func forgettingAWaveRemovesItAndItsFigures() throws {
        let store = try HistoryStore(path: try Self.folder() + "/h.sqlite")
        try store.record(Self.record("w1", at: 1000, value: 0.5))
        try store.record(Self.record("w2", at: 2000, value: 0.6))
        #expect(try store.forget(pipeline: "engagement", wave: "w1"))
        #expect(!(try store.forget(pipeline: "engagement", wave: "w1")))
        #expect(try store.waves(pipeline: "engagement").map(\.wave) == ["w2"])
    }

    @Test func openingAMissingHistoryWithoutCreateSaysSo() throws {
        let path = try Self.folder() + "/none.sqlite"
        #expect(throws: HistoryError(path: path, reason: "no history has been recorded here yet")) {
            try HistoryStore(path: path, create: false)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
