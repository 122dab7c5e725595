import CandorHistory
import CandorReport
import Foundation

extension RunHistory {
    /// This run's participation night: the published overall response rate's counts, with the
    /// inputs that gave them; `nil` without a roster or when the overall rate is hidden (fewer
    /// invited than the anonymity threshold), so the history keeps only what was published.
    static func night(of document: ReportDocument, runTime: Date) -> ParticipationNight? {
        guard let overall = document.participation?.rates.overall else { return nil }
        return ParticipationNight(
            // Whole seconds: what the history stores and gives back, so a night reads the same
            // in the report of its own run and in later ones.
            runTime: Date(timeIntervalSince1970: runTime.timeIntervalSince1970.rounded(.down)),
            inputs: document.inputs.map(\.sha256).joined(separator: ","),
            invited: overall.invited, responded: overall.responded)
    }

    /// The current wave's nights as the report shows them: those recorded, then `night` unless it
    /// repeats the last (a rerun over the same inputs shows, and keeps, that night's run time).
    /// Empty when the history is off or holds fewer than two nights with this one.
    func nights(adding night: ParticipationNight?) throws(RunFailure) -> [NightRate] {
        guard let store, let night else { return [] }
        var nights: [ParticipationNight]
        do { nights = try store.nights(pipeline: request.definition.name, wave: request.waveLabel) } catch {
            throw RunFailure(.cannotWriteOutput, error.description)
        }
        if nights.last.map({ !night.repeats($0) }) ?? true { nights.append(night) }
        guard nights.count > 1 else { return [] }
        return nights.map {
            NightRate(
                runTime: ISO8601Milliseconds.format($0.runTime), invited: $0.invited, responded: $0.responded)
        }
    }
}
