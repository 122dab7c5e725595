/// Writes bad-boss respondents in one of the three export layouts.
struct BadBossExport: Sendable {
    /// The layout.
    let format: SampleFormat
    /// The generator seed, for regenerating the row a duplicate copies.
    let seed: UInt64
    /// Total data rows.
    let rows: Int
    /// Team assignment.
    let roster: TeamRoster

    /// Columns of the generic layout, in order.
    static let genericColumns = [
        "respondent_id", "submitted_at", "department", "role", "tenure", "manager_id", "is_manager",
        "promoted_for_technical_skill", "wanted_to_manage", "bad_boss_types", "left_job_because_of_manager",
        "manager_supports_growth", "trust_manager", "comment",
    ]

    /// Question texts, shared by the Qualtrics second header row and the Google Forms header.
    enum Question {
        static let department = "Which department do you work in?"
        static let role = "What is your role?"
        static let tenure = "How long have you worked here?"
        static let isManager = "Do you manage people?"
        static let promoted = "If you manage people: were you promoted mainly for your technical skills?"
        static let wanted = "If you manage people: did you want to become a manager?"
        static let types = "Which of these have you experienced in a manager? (select all that apply)"
        static let left = "Have you ever left a job to get away from a manager?"
        static let agreeStem = "How much do you agree?"
        static let growth = "My manager supports my growth"
        static let trust = "I trust my manager"
        static let comment = "Anything else you would like to tell us?"
        static let manager = "Manager ID (from your invitation email)"
    }

    /// Qualtrics row 1 (column ids), row 2 (texts) and ImportIds (row 3), column by column.
    static let qualtricsColumns: [(id: String, text: String, importID: String)] = [
        ("StartDate", "Start Date", #"{"ImportId":"startDate","timeZone":"UTC"}"#),
        ("EndDate", "End Date", #"{"ImportId":"endDate","timeZone":"UTC"}"#),
        ("Status", "Response Type", #"{"ImportId":"status"}"#),
        ("IPAddress", "IP Address", #"{"ImportId":"ipAddress"}"#),
        ("Progress", "Progress", #"{"ImportId":"progress"}"#),
        ("Duration (in seconds)", "Duration (in seconds)", #"{"ImportId":"duration"}"#),
        ("Finished", "Finished", #"{"ImportId":"finished"}"#),
        ("RecordedDate", "Recorded Date", #"{"ImportId":"recordedDate","timeZone":"UTC"}"#),
        ("ResponseId", "Response ID", #"{"ImportId":"_recordId"}"#),
        ("Q1", Question.department, #"{"ImportId":"QID1"}"#),
        ("Q2", Question.role, #"{"ImportId":"QID2"}"#),
        ("Q3", Question.tenure, #"{"ImportId":"QID3"}"#),
        ("Q4", Question.isManager, #"{"ImportId":"QID4"}"#),
        ("Q5", Question.promoted, #"{"ImportId":"QID5"}"#),
        ("Q6", Question.wanted, #"{"ImportId":"QID6"}"#),
        ("Q7", Question.types, #"{"ImportId":"QID7"}"#),
        ("Q8", Question.left, #"{"ImportId":"QID8"}"#),
        ("Q9_1", Question.agreeStem + " - " + Question.growth, #"{"ImportId":"QID9_1"}"#),
        ("Q9_2", Question.agreeStem + " - " + Question.trust, #"{"ImportId":"QID9_2"}"#),
        ("Q10", Question.comment, #"{"ImportId":"QID10_TEXT"}"#),
        ("ManagerID", "ManagerID", #"{"ImportId":"ManagerID"}"#),
    ]

    /// Columns of the Google Forms layout, in order.
    static let googleFormsColumns = [
        "Timestamp", Question.department, Question.role, Question.tenure, Question.manager, Question.isManager,
        Question.promoted, Question.wanted, Question.types, Question.left,
        Question.agreeStem + " [" + Question.growth + "]", Question.agreeStem + " [" + Question.trust + "]",
        Question.comment,
    ]

    /// The header record(s) of the layout.
    var headerRecords: [[String]] {
        switch format {
        case .generic: [Self.genericColumns]
        case .qualtrics:
            [
                Self.qualtricsColumns.map(\.id), Self.qualtricsColumns.map(\.text),
                Self.qualtricsColumns.map(\.importID),
            ]
        case .googleForms: [Self.googleFormsColumns]
        }
    }

    /// The fields of data row `row`, with the planted defect if any.
    func record(row: Int, dirty: DirtyRowKind?) -> [String] {
        let person = BadBossRespondent(seed: seed, row: row, rows: rows, roster: roster)
        if dirty == .duplicateID, row > 0 {
            let earlier = BadBossRespondent(seed: seed, row: row - 1, rows: rows, roster: roster)
            // Google Forms has no id column: a double submission shows up as a repeated row.
            if format == .googleForms { return fields(earlier, dirty: nil, partialAnswers: nil) }
            return fields(person, dirty: dirty, partialAnswers: nil, idOverride: earlier.responseID)
        }
        var partialAnswers: Int?
        if format == .qualtrics, dirty == nil {
            var completion = SplitMix64(seed: seed, stream: SampleStream.completion, index: UInt64(row))
            if completion.chance(0.012) { partialAnswers = 1 + completion.below(6) }
        }
        return fields(person, dirty: dirty, partialAnswers: partialAnswers)
    }

    /// Renders one respondent; `partialAnswers` (Qualtrics only) keeps just the first N questions.
    private func fields(
        _ person: BadBossRespondent, dirty: DirtyRowKind?, partialAnswers: Int?, idOverride: String? = nil
    ) -> [String] {
        let department =
            dirty == .unknownDepartment
            ? SampleVocabulary.unknownDepartment : SampleVocabulary.departments[person.department]
        let yesNo: (Bool?) -> String = { $0.map { $0 ? "Yes" : "No" } ?? "" }
        let agree: (Int?) -> String = { $0.map { SampleVocabulary.agreeLabels[$0 - 1] } ?? "" }
        let separator =
            switch format {
            case .generic: ";"
            case .qualtrics: ","
            case .googleForms: ", "
            }
        let types = dirty == .blankRequired ? "" : person.bossTypeTexts.joined(separator: separator)
        let left = dirty == .invalidValue ? "Sometimes" : yesNo(person.leftBecauseOfManager)
        let growth = dirty == .outOfRangeLikert ? "7" : agree(person.supportsGrowth)
        // Answers in question order (Q1...Q10), shared by all layouts.
        var answers = [
            department, BadBossRespondent.roles[person.role], SampleVocabulary.tenureBands[person.tenure],
            yesNo(person.isManager), yesNo(person.promotedForTechnicalSkill), yesNo(person.wantedToManage),
            types, left, growth, agree(person.trustsManager), person.comment,
        ]
        let managerID = TeamRoster.managerID(ofTeam: person.team)
        let id = idOverride ?? person.responseID
        var record: [String]
        switch format {
        case .generic:
            answers[3] = person.isManager ? "yes" : "no"
            answers[4] = answers[4].lowercased()
            answers[5] = answers[5].lowercased()
            record = [id, person.submitted.iso8601] + answers[0..<3] + [managerID] + answers[3...]
        case .qualtrics:
            var progress = 100
            if let kept = partialAnswers {
                for index in kept..<answers.count { answers[index] = "" }
                progress = kept * 100 / (answers.count + 1)
            }
            let end = person.submitted
            let start = end.adding(-Int64(person.durationSeconds))
            record =
                [
                    start.qualtrics, end.qualtrics, "IP Address", "", String(progress),
                    String(person.durationSeconds), partialAnswers == nil ? "1" : "0", end.qualtrics, id,
                ] + answers + [managerID]
        case .googleForms:
            record = [person.submitted.googleForms] + answers[0..<3] + [managerID] + answers[3...]
        }
        if dirty == .raggedRow { record.removeLast(4) }
        return record
    }
}
