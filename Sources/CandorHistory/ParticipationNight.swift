import Foundation

/// One night's participation in an open wave: who had been invited and how many had answered
/// when a run of the wave read its inputs.
///
/// A wave's figures are replaced by each rerun, but its nights are kept, so that a report can
/// show how participation grew through the wave. Overall counts only: a count per segment and
/// night would let two nights' reports tell who answered in between in a small group.
package struct ParticipationNight: Sendable, Equatable {
    /// When the run started (the run's clock).
    package var runTime: Date
    /// The inputs' SHA-256s, in order, joined by commas: a run over the same inputs as the
    /// wave's last night is that night again, not a new one.
    package var inputs: String
    /// People in the roster.
    package var invited: Int
    /// Accepted respondents, after dedupe.
    package var responded: Int

    /// Creates a night.
    package init(runTime: Date, inputs: String, invited: Int, responded: Int) {
        self.runTime = runTime
        self.inputs = inputs
        self.invited = invited
        self.responded = responded
    }

    /// Whether `self` repeats `other`'s night: the same inputs giving the same counts.
    package func repeats(_ other: ParticipationNight) -> Bool {
        inputs == other.inputs && invited == other.invited && responded == other.responded
    }
}
