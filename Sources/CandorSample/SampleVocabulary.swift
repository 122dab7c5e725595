/// Answer texts shared by both sample surveys.
enum SampleVocabulary {
    /// The eight departments, with how common each is (team-level draw weights).
    static let departments = [
        "Engineering", "Sales", "Support", "Marketing", "Finance", "Operations", "People", "Product",
    ]
    /// Relative department sizes, in `departments` order.
    static let departmentWeights: [Double] = [0.28, 0.16, 0.14, 0.08, 0.07, 0.12, 0.05, 0.10]
    /// A department no survey offers, for the unknown-department dirty row.
    static let unknownDepartment = "Facilities"

    /// Tenure bands.
    static let tenureBands = ["Less than 1 year", "1-2 years", "3-5 years", "6-10 years", "More than 10 years"]
    /// Relative tenure band sizes.
    static let tenureWeights: [Double] = [0.16, 0.24, 0.30, 0.18, 0.12]

    /// The five-point agree scale, point 1 first.
    static let agreeLabels = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]

    /// The department of a team: teams, not people, belong to departments.
    static func department(ofTeam team: Int, seed: UInt64) -> Int {
        var random = SplitMix64(seed: seed, stream: SampleStream.team, index: UInt64(team))
        return random.weighted(departmentWeights)
    }

    /// A five-point answer from a latent score: 3 plus the score, rounded and clamped to 1...5.
    static func agreePoint(_ score: Double) -> Int {
        min(5, max(1, Int((3 + score).rounded())))
    }

    /// Free-text comments; most respondents leave the box blank. The mix of commas, quotes, line
    /// breaks and non-ASCII text exercises CSV quoting and UTF-8 handling downstream.
    static let badBossComments = [
        "My manager took credit for my work, twice.",
        "Honestly? Best boss I've had.",
        "She said \"we'll revisit it next quarter\" every quarter.",
        "Too many 1:1s cancelled, no feedback at all",
        "Il a été promu parce qu'il était le meilleur développeur — pas parce qu'il savait gérer.",
        "Line one.\nLine two: nobody listens.",
        "Moved teams in Zürich; much better now.",
        "Micromanagement, plain and simple",
        "“Open door” policy, closed mind.",
        "Great at the tech, awful with people.\r\nPlease train new managers.",
        "Der Chef war nie erreichbar, Entscheidungen dauerten Wochen.",
        "I left my last job because of a manager; this one is fine.",
        "Naïve choice of managers, in my opinion",
        "N/A",
        "He never wanted the job. \"I just wanted the raise,\" he told us.",
        "日本のチームでは問題ありません。",
    ]

    /// Free-text comments for the engagement survey.
    static let engagementComments = [
        "More clarity on priorities, please.",
        "Great team, but the tools are slow.",
        "My manager asks \"how are you?\" and means it.",
        "Recognition is rare, feedback is rarer",
        "Workload has been heavy since the reorg.\nHiring would help.",
        "Les objectifs changent chaque mois.",
        "Best place I've worked — so far.",
        "N/A",
        "I'd like a clearer path to promotion, e.g. a skills matrix.",
        "Zu viele Meetings, zu wenig Zeit für echte Arbeit.",
    ]
}
