/// One synthetic respondent of the bad-boss survey, independent of the export format.
///
/// Drawn from its own random stream (seed, row), so every format shows the same people and any row
/// can be regenerated on its own.
struct BadBossRespondent: Sendable {
    /// Roles, most junior first; the last three manage people.
    static let roles = [
        "Individual contributor", "Senior individual contributor", "Team lead",
        "Manager", "Senior manager", "Director",
    ]
    /// Relative role sizes: about 22% manage people.
    static let roleWeights: [Double] = [0.45, 0.20, 0.13, 0.14, 0.05, 0.03]
    /// Index of the first role that manages people.
    static let firstManagerRole = 3

    /// The bad-boss types offered; one holds ", " on purpose, so joined answers cannot be split
    /// naively on the separator.
    static let bossTypes = [
        "Micromanager", "Absentee", "Credit taker, blame shifter", "Bully",
        "Indecisive", "Poor communicator", "Plays favourites", "Out of their depth",
    ]
    /// How often each type is chosen on its own draw.
    static let bossTypeRates: [Double] = [0.52, 0.38, 0.34, 0.18, 0.36, 0.58, 0.30, 0.44]
    /// The exclusive "none" option.
    static let noneOfThese = "None of these"
    /// Share of respondents who never had any of the types (the other 99.5% had at least one).
    static let noneRate = 0.005

    /// Respondent id in Qualtrics' style (`R_` and 15 letters or digits).
    let responseID: String
    /// When the response was submitted.
    let submitted: SampleClock
    /// Time spent on the survey.
    let durationSeconds: Int
    /// Index into `SampleVocabulary.departments`.
    let department: Int
    /// Index into `roles`.
    let role: Int
    /// Index into `SampleVocabulary.tenureBands`.
    let tenure: Int
    /// The respondent's manager's team.
    let team: Int
    /// Whether the respondent manages people.
    var isManager: Bool { role >= Self.firstManagerRole }
    /// Managers only: promoted mainly for technical skill.
    let promotedForTechnicalSkill: Bool?
    /// Managers only: wanted to become a manager.
    let wantedToManage: Bool?
    /// Indexes into `bossTypes` in form order; empty means "None of these".
    let bossTypeChoices: [Int]
    /// Has left a job to get away from a manager.
    let leftBecauseOfManager: Bool
    /// "My manager supports my growth", 1...5, or nil when skipped.
    let supportsGrowth: Int?
    /// "I trust my manager", 1...5, or nil when skipped.
    let trustsManager: Int?
    /// Free text, usually empty.
    let comment: String

    /// Draws respondent `row` of `rows` for `seed`.
    init(seed: UInt64, row: Int, rows: Int, roster: TeamRoster) {
        var random = SplitMix64(seed: seed, stream: SampleStream.respondent, index: UInt64(row))
        responseID = Self.responseID(&random)
        submitted = SampleSchedule.submission(row: row, rows: rows, random: &random)
        durationSeconds = 90 + random.below(420) + (random.chance(0.05) ? random.below(20_000) : 0)
        team = roster.team(ofRow: row)
        department = SampleVocabulary.department(ofTeam: team, seed: seed)
        role = random.weighted(Self.roleWeights)
        tenure = random.weighted(SampleVocabulary.tenureWeights)
        if role >= Self.firstManagerRole {
            // Tuned so about 82% of managers were promoted for skill and did not want to manage.
            let promoted = random.chance(0.92)
            promotedForTechnicalSkill = promoted
            wantedToManage = promoted ? random.chance(0.11) : random.chance(0.7)
        } else {
            promotedForTechnicalSkill = nil
            wantedToManage = nil
        }
        var choices: [Int] = []
        if !random.chance(Self.noneRate) {
            for (index, rate) in Self.bossTypeRates.enumerated() where random.chance(rate) {
                choices.append(index)
            }
            if choices.isEmpty { choices.append(random.weighted(Self.bossTypeRates)) }
        }
        bossTypeChoices = choices
        // More kinds of bad boss, more likely to have quit over one; about half overall.
        let leaveRate = min(0.9, max(0.05, 0.15 + 0.115 * Double(choices.count)))
        leftBecauseOfManager = random.chance(leaveRate)
        let mood = 1.3 - 0.38 * Double(choices.count) + 1.0 * random.normal()
        supportsGrowth = random.chance(0.02) ? nil : SampleVocabulary.agreePoint(mood + 0.6 * random.normal())
        trustsManager = random.chance(0.02) ? nil : SampleVocabulary.agreePoint(mood + 0.2 + 0.6 * random.normal())
        if random.chance(0.14) {
            let pool = SampleVocabulary.badBossComments
            comment = pool[random.below(pool.count)]
        } else {
            comment = ""
        }
    }

    /// Chosen type texts in form order, or `["None of these"]`.
    var bossTypeTexts: [String] {
        bossTypeChoices.isEmpty ? [Self.noneOfThese] : bossTypeChoices.map { Self.bossTypes[$0] }
    }

    /// A Qualtrics-style response id.
    static func responseID(_ random: inout SplitMix64) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var id = "R_"
        for _ in 0..<15 { id.append(alphabet[random.below(alphabet.count)]) }
        return id
    }
}
