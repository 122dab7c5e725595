/// One synthetic respondent of the Q12-style engagement survey.
///
/// Answers come from a latent engagement score that is part team (the manager's effect) and part
/// individual, so managers explain a noticeable share of the variance in the index.
struct EngagementRespondent: Sendable {
    /// Item means on the latent scale: some items are answered far more favourably than others.
    static let itemMeans: [Double] = [0.9, 0.6, 0.4, 0.2, 0.5, 0.3, 0.1, 0.7, 0.4, 0.2, 0.0, 0.3]
    /// How strongly each item follows the latent score; the strongest ones are the key drivers.
    static let itemLoadings: [Double] = [0.6, 0.7, 0.9, 0.8, 0.8, 0.9, 0.7, 0.6, 0.8, 0.5, 0.8, 0.9]
    /// Standard deviation of the team (manager) effect; the individual part has 1.
    static let teamEffectSpread = 0.6

    /// Respondent id in Qualtrics' style.
    let responseID: String
    /// When the response was submitted.
    let submitted: SampleClock
    /// Index into `SampleVocabulary.departments`.
    let department: Int
    /// The manager's team.
    let team: Int
    /// Index into `SampleVocabulary.tenureBands`.
    let tenure: Int
    /// Items q01...q12, 1...5, nil when skipped (q01 never is: it is required).
    let items: [Int?]
    /// Whether this respondent's answers were exported as digits rather than labels (a batch
    /// keyed in from paper forms, as mixed exports often are).
    let answersAsDigits: Bool
    /// Employee Net Promoter answer, 0...10.
    let enps: Int
    /// Free text, usually empty.
    let comment: String

    /// Draws respondent `row` of `rows` for `seed`.
    init(seed: UInt64, row: Int, rows: Int, roster: TeamRoster) {
        var random = SplitMix64(seed: seed, stream: SampleStream.respondent, index: UInt64(row))
        responseID = BadBossRespondent.responseID(&random)
        submitted = SampleSchedule.submission(row: row, rows: rows, random: &random)
        team = roster.team(ofRow: row)
        department = SampleVocabulary.department(ofTeam: team, seed: seed)
        tenure = random.weighted(SampleVocabulary.tenureWeights)
        answersAsDigits = random.chance(0.3)
        let latent = Self.teamEffect(team: team, seed: seed) + random.normal()
        var items: [Int?] = []
        for (index, mean) in Self.itemMeans.enumerated() {
            let point = SampleVocabulary.agreePoint(mean + Self.itemLoadings[index] * latent + 0.7 * random.normal())
            let skipped = random.chance(0.01)
            items.append(skipped && index > 0 ? nil : point)
        }
        self.items = items
        enps = min(10, max(0, Int((6.8 + 1.9 * latent + 1.1 * random.normal()).rounded())))
        if random.chance(0.12) {
            let pool = SampleVocabulary.engagementComments
            comment = pool[random.below(pool.count)]
        } else {
            comment = ""
        }
    }

    /// The manager's effect on everyone in the team, drawn once per team.
    static func teamEffect(team: Int, seed: UInt64) -> Double {
        var random = SplitMix64(seed: seed, stream: SampleStream.team, index: UInt64(team))
        _ = random.next()  // The first draw is the team's department.
        return teamEffectSpread * random.normal()
    }
}
