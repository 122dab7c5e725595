import CandorAggregate

/// The response rates a report shows, with the roster they come from and what did not match.
package struct ParticipationSection: Sendable, Equatable {
    /// The roster's path as the definition names it.
    package var roster: String
    /// The rates, anonymity rules applied.
    package var rates: ResponseRates
    /// Data-quality warnings: response groups the roster lacks.
    package var warnings: [String]
    /// The current wave's participation by night, oldest first, this run last; empty unless the
    /// history holds more than one night of the wave. Overall only (see `NightRate`).
    package var byNight: [NightRate] = []

    /// Creates the section.
    package init(roster: String, rates: ResponseRates, warnings: [String]) {
        self.roster = roster
        self.rates = rates
        self.warnings = warnings
    }

    /// Why a rate has no interval, for the methods section.
    package static let methodsNote =
        "a response rate counts accepted respondents (after dedupe) over everyone the roster lists; it is a count over"
        + " the whole population, not an estimate from a sample, so it has no sampling error and no interval."
        + " A group's rate is shown only where at least the anonymity threshold were invited, with complementary"
        + " suppression on the invited counts."

    /// What the by-night table lists and why it is overall only: its introduction.
    package static let byNightNote =
        "one row per run of the wave over new inputs (its start by the run's clock), with everyone invited and the"
        + " accepted respondents at that run. Overall only: counts by segment on two nights would tell who in a small"
        + " group answered in between."
}

/// One night of an open wave: a run's overall response rate.
package struct NightRate: Sendable, Equatable {
    /// When the run started, ISO 8601 UTC with milliseconds, as the history records it.
    package var runTime: String
    /// People in the roster that night.
    package var invited: Int
    /// Accepted respondents that night, after dedupe.
    package var responded: Int

    /// Creates a night's rate.
    package init(runTime: String, invited: Int, responded: Int) {
        self.runTime = runTime
        self.invited = invited
        self.responded = responded
    }

    /// responded / invited (0 when no one was invited).
    package var value: Double { invited == 0 ? 0 : Double(responded) / Double(invited) }
}
