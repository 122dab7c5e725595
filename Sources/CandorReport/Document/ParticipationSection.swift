import CandorAggregate

/// The response rates a report shows, with the roster they come from and what did not match.
package struct ParticipationSection: Sendable, Equatable {
    /// The roster's path as the definition names it.
    package var roster: String
    /// The rates, anonymity rules applied.
    package var rates: ResponseRates
    /// Data-quality warnings: response groups the roster lacks.
    package var warnings: [String]

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
}
