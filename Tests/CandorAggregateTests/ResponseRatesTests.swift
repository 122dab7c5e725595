import Testing

@testable import CandorAggregate

/// Response rates' anonymity rules, on every small roster.
@Suite("Response rates")
struct ResponseRatesTests {
    /// For every roster of three groups of 1 to 7 people plus 0 to 3 with a blank value, at a
    /// threshold of 5: every shown group has at least 5 invited, and the people whose counts are
    /// not shown (hidden groups and blank rows), which the overall minus the shown rows gives, are
    /// none or at least 5, unless the whole roster is under 5 and nothing is shown.
    @Test func noHiddenGroupIsTheOverallMinusTheShownRows() throws {
        for a in 1...7 {
            for b in 1...7 {
                for c in 1...7 {
                    for blank in 0...3 {
                        let invited = [a, b, c]
                        let groups = invited.enumerated().map {
                            ResponseRates.Group(label: "g\($0.offset)", invited: $0.element, responded: 1)
                        }
                        let rates = try ResponseRates(
                            invited: a + b + c + blank, responded: 3,
                            fields: [.init(field: "f", groups: groups, invitedBlank: blank)], minGroupSize: 5,
                            target: 0.6)
                        let shown = rates.rows.compactMap(\.rate)
                        #expect(shown.allSatisfy { $0.invited >= 5 })
                        let unshown = a + b + c + blank - shown.reduce(0) { $0 + $1.invited }
                        // Under 5 in all, nothing is shown, the overall included.
                        #expect(
                            unshown == 0 || unshown >= 5 || (rates.overall == nil && shown.isEmpty),
                            "\(invited) blank \(blank)")
                    }
                }
            }
        }
    }

    /// 3 of 5 is 0.6, at the target, not under it; 2 of 5 is under.
    @Test func theTargetFlagsRatesStrictlyUnderIt() throws {
        let groups = [
            ResponseRates.Group(label: "x", invited: 5, responded: 3),
            ResponseRates.Group(label: "y", invited: 5, responded: 2),
        ]
        let rates = try ResponseRates(
            invited: 10, responded: 5, fields: [.init(field: "f", groups: groups, invitedBlank: 0)], minGroupSize: 5,
            target: 0.6)
        #expect(rates.rows.map { $0.rate?.belowTarget } == [false, true])
        #expect(rates.overall?.value == 0.5)
        #expect(rates.overall?.belowTarget == true)
    }

    /// A roster of 4 at a threshold of 5 publishes no rate at all.
    @Test func aRosterUnderTheThresholdShowsNothing() throws {
        let rates = try ResponseRates(
            invited: 4, responded: 2,
            fields: [.init(field: "f", groups: [.init(label: "x", invited: 4, responded: 2)], invitedBlank: 0)],
            minGroupSize: 5, target: 0.6)
        #expect(rates.overall == nil)
        #expect(rates.rows.map(\.rate) == [nil])
    }

    @Test func moreRespondentsThanInvitedNamesTheGroup() {
        #expect(
            throws: ResponseRateError(field: "f", label: "x", invited: 5, responded: 6)
        ) {
            try ResponseRates(
                invited: 10, responded: 6,
                fields: [.init(field: "f", groups: [.init(label: "x", invited: 5, responded: 6)], invitedBlank: 5)],
                minGroupSize: 5, target: 0.6)
        }
    }
}
