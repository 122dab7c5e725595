/// Which synthetic survey `candor sample` writes.
package enum SampleSurvey: String, CaseIterable, Sendable {
    /// Experiences of bad managers: multi-select types, leaving because of a manager, wrong picks.
    case badBoss = "bad-boss"
    /// A Q12-style engagement survey with manager teams, twelve agree items and eNPS.
    case engagement

    /// The export formats this survey can be written in.
    package var supportedFormats: [SampleFormat] {
        switch self {
        case .badBoss: SampleFormat.allCases
        case .engagement: [.generic]
        }
    }
}
