/// Guesses a field's type from its column's profile.
///
/// The rules, tried in this order (the first that holds wins; "fits" allows the column's
/// ``ColumnProfile/tolerance`` of answers that do not, which a run then rejects):
/// 1. no answer at all: **text**;
/// 2. a header like an id and an answer distinct in (nearly) every row: **id**;
/// 3. every answer one of the loader's standard yes/no texts: **boolean**;
/// 4. the answers fit a known scale's labels (``ScaleCatalogue``): **likert**;
/// 5. a header naming a recommendation (NPS) and whole numbers 0–10: **nps**;
/// 6. whole numbers within 1–4, 1–5 or 1–7 with at least two distinct: **likert** on a numeric scale;
/// 7. whole numbers 0–10 with at least six distinct, up to 9 or 10: **nps**;
/// 8. a known timestamp format reads them (``TimestampCatalogue``): **timestamp**;
/// 9. whole numbers: **integer**; decimals: **number**;
/// 10. recurring options joined by a separator (``MultiselectDetector``): **multiselect**;
/// 11. long answers, line breaks, or a header that asks for comments: **text**;
/// 12. at most 64 distinct answers: **category**, values listed; more but short and
///     repeating (a manager id): an open **category**; otherwise **text**.
package enum TypeInference {
    /// The guessed type of `profile`'s column and what it rests on.
    package static func infer(_ profile: ColumnProfile) -> (kind: FieldGuess.Kind, evidence: String) {
        let answered = profile.answered
        guard answered > 0 else { return (.text, "text: no answers to go by") }
        let tolerance = profile.tolerance
        let headers = [profile.name] + (profile.question.map { [$0] } ?? [])
        // The sketch's estimate may overshoot by a few percent; no column has more distinct
        // answers than answers.
        let distinct = profile.isTracked ? profile.values.count : min(profile.sketch.estimate, answered)
        let distinctText = profile.isTracked ? "\(distinct)" : "about \(distinct)"

        if headers.contains(where: FieldNaming.isIDLike), distinct * 10 >= answered * 9 {
            return (.id, "id: named like an id, \(distinctText) distinct answers in \(answered)")
        }
        if profile.isTracked {
            let standard: Set = ["yes", "no", "true", "false", "y", "n", "1", "0"]
            let misfits = misfits(profile) { standard.contains($0.lowercased()) }
            if misfits <= tolerance {
                let seen = Set(profile.values.map { $0.trimmed.lowercased() }).sorted().joined(separator: "/")
                return (.boolean, "boolean: the answers are \(seen)" + misfitNote(misfits))
            }
            if let fit = ScaleCatalogue.bestFit(profile.counted, tolerance: tolerance) {
                var unused = fit.unusedLabels > 0 ? ", \(fit.unusedLabels) of its points unused" : ""
                let declined = fit.scale.nonAnswers
                if !declined.isEmpty {
                    let quoted = declined.map { "\"\($0)\"" }.joined(separator: ", ")
                    unused += "; \(quoted) \(declined.count == 1 ? "is a non-answer" : "are non-answers")"
                }
                return (
                    .likert(fit.scale),
                    "likert: answers are labels or points of the \(fit.scale.labels.count)-point "
                        + "\(fit.scale.name) scale\(unused)" + misfitNote(fit.misfits)
                )
            }
        }
        let wholeNumbers = profile.isTracked ? profile.values.compactMap { Int($0.trimmed) } : []
        let isRecommendation = headers.contains { header in
            let words = FieldNaming.words(header)
            return words.contains("nps") || words.contains("enps") || words.contains { $0.hasPrefix("recommend") }
        }
        if isRecommendation, misfits(profile, { Int($0).map { (0...10).contains($0) } ?? false }) <= tolerance {
            return (.nps, "nps: a recommendation question answered 0–10")
        }
        for points in [4, 5, 7] {
            let inRange = wholeNumbers.filter { (1...points).contains($0) }
            let misfits = misfits(profile) { Int($0).map { (1...points).contains($0) } ?? false }
            if Set(inRange).count >= 2, misfits <= tolerance {
                let labels = (1...points).map(String.init)
                return (
                    .likert(ScaleCatalogue.Scale(name: "points\(points)", labels: labels)),
                    "likert: whole numbers 1–\(points), \(Set(inRange).count) distinct" + misfitNote(misfits)
                )
            }
        }
        let scores = Set(wholeNumbers.filter { (0...10).contains($0) })
        let npsMisfits = misfits(profile) { Int($0).map { (0...10).contains($0) } ?? false }
        if scores.count >= 6, scores.max()! >= 9, npsMisfits <= tolerance {
            return (.nps, "nps: whole numbers 0–10, \(scores.count) distinct" + misfitNote(npsMisfits))
        }
        if let best = TimestampCatalogue.patterns.indices.first(where: {
            profile.timestampHits[$0] + tolerance >= answered
        }) {
            let pattern = TimestampCatalogue.patterns[best]
            var note = "timestamp: \(pattern) reads \(profile.timestampHits[best]) of \(answered) answers"
            if let other = TimestampCatalogue.patterns.indices.first(where: { index in
                index != best && profile.timestampHits[index] + tolerance >= answered
                    && TimestampCatalogue.patterns[index].hasPrefix("D") != pattern.hasPrefix("D")
                    && pattern.hasPrefix("M")
            }) {
                note += " (\(TimestampCatalogue.patterns[other]) reads them too: check which the export writes)"
            }
            return (.timestamp(pattern: pattern), note)
        }
        if profile.integers + tolerance >= answered {
            return (.integer, "integer: whole numbers" + misfitNote(answered - profile.integers))
        }
        if profile.decimals + tolerance >= answered {
            return (.number, "number: decimal numbers" + misfitNote(answered - profile.decimals))
        }
        if let joined = MultiselectDetector.joined(profile) {
            return (
                .multiselect(separator: joined.separator, options: joined.options, noneOption: joined.noneOption),
                joined.evidence
            )
        }
        let meanLength = profile.characters / answered
        let asksForText = headers.contains { header in
            let words = FieldNaming.words(header)
            return ["comment", "comments", "text", "feedback", "else", "suggestions", "explain"].contains {
                words.contains($0)
            }
        }
        if profile.multiline > 0 || meanLength > 40 || asksForText {
            let reason =
                profile.multiline > 0
                ? "answers with line breaks"
                : meanLength > 40 ? "answers of \(meanLength) characters on average" : "the header asks for free text"
            return (.text, "text: \(reason)")
        }
        if profile.isTracked {
            let values = uniqueIgnoringCase(profile.values.map(\.trimmed))
            return (
                .category(values: values),
                "category: \(values.count) distinct answer\(values.count == 1 ? "" : "s")"
            )
        }
        if profile.longest <= 40, distinct * 2 <= answered {
            return (
                .category(values: []),
                "category: \(distinctText) distinct short answers, too many to list (new values are accepted)"
            )
        }
        return (.text, "text: \(distinctText) distinct answers")
    }

    /// Answers (counted by value) that `fits` refuses; the untracked ones count as misfits.
    private static func misfits(_ profile: ColumnProfile, _ fits: (String) -> Bool) -> Int {
        profile.counted.reduce(profile.untracked) { sum, entry in fits(entry.value.trimmed) ? sum : sum + entry.count }
    }

    private static func misfitNote(_ misfits: Int) -> String {
        switch misfits {
        case 0: ""
        case 1: "; 1 answer fits no value and will be rejected"
        default: "; \(misfits) answers fit no value and will be rejected"
        }
    }

    /// The values with later ones that differ only in case left out (the loader compares
    /// category values ignoring case).
    private static func uniqueIgnoringCase(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0.lowercased()).inserted }
    }
}
