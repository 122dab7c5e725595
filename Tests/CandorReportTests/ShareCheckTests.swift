import CandorAggregate
import Testing

@testable import CandorReport

/// The report writer refuses to publish a share outside [0, 1]: such a share is a bug (issue
/// 22, defect 6), and the run ends with exit 70.
@Suite struct ShareCheckTests {
    @Test func theFixturesSharesPass() throws {
        try ReportFixtures.document().checkShares()
    }

    @Test func anOverallShareAboveOneIsRefused() {
        var document = ReportFixtures.document()
        document.metrics = [ReportFixtures.anyBadBoss()]
        document.metrics[0].overall.value = 1.2
        #expect(throws: ShareOutOfRange(metric: "any_bad_boss", figure: "overall", value: 1.2)) {
            try document.checkShares()
        }
        #expect(
            ShareOutOfRange(metric: "any_bad_boss", figure: "overall", value: 1.2).description
                == "share 1.2 of metric 'any_bad_boss' (overall) is outside [0, 1]; the report is not written, as this is a bug"
        )
    }

    @Test func aNegativeSegmentShareIsRefused() {
        var document = ReportFixtures.document()
        document.metrics = [ReportFixtures.anyBadBoss()]
        document.metrics[0].segments[0].rows[1].figure.value = -0.25
        #expect(throws: ShareOutOfRange(metric: "any_bad_boss", figure: "segment department=Sales", value: -0.25)) {
            try document.checkShares()
        }
    }

    @Test func aNaNBucketOfAnNPSIsRefusedButItsPointsAreNotShares() throws {
        var document = ReportFixtures.document()
        document.metrics = [ReportFixtures.enps()]
        // The score is in points (+12): above 1, and not a share.
        #expect(document.metrics[0].overall.value.map { $0 > 1 } == true)
        try document.checkShares()
        guard case .nps(var promoters, let passives, let detractors) = document.metrics[0].detail else {
            Issue.record("the fixture is not an NPS")
            return
        }
        promoters.value = .nan
        document.metrics[0].detail = .nps(promoters: promoters, passives: passives, detractors: detractors)
        #expect(throws: ShareOutOfRange.self) { try document.checkShares() }
    }

    @Test func roundingPastOneByAnUlpIsNotABug() throws {
        var document = ReportFixtures.document()
        document.metrics = [ReportFixtures.anyBadBoss()]
        document.metrics[0].overall.value = 1.0000000000000002
        try document.checkShares()
    }
}
