/// The Likert scales `candor init` recognises from their labels: agreement, satisfaction,
/// likelihood, frequency and importance, each in 4, 5 and 7 points.
///
/// Labels are the wordings survey tools offer by default (Qualtrics, SurveyMonkey, Google
/// Forms and Microsoft Forms templates); an answer matches a label ignoring case and outer spaces.
package enum ScaleCatalogue {
    /// One known scale.
    package struct Scale: Sendable, Hashable {
        /// The name the draft declares it under, such as `agree5`.
        package var name: String
        /// The labels, lowest point first.
        package var labels: [String]
        /// Answers that are not ratings, as the export spells them (`N/A`, `Don't know`).
        package var nonAnswers: [String] = []
    }

    /// Answers that decline to rate, compared ignoring case: a Likert item's `non_answers`.
    package static let nonAnswerTexts: Set<String> = [
        "n/a", "na", "not applicable", "don't know", "dont know", "do not know", "don’t know", "prefer not to say",
        "no opinion",
    ]

    /// Every known scale, in order of preference when several fit equally well: 5 points
    /// first (the most common), then 7, then 4.
    package static let scales: [Scale] = families.flatMap { family in
        [5, 7, 4].compactMap { points in
            family.labels[points].map { Scale(name: "\(family.name)\(points)", labels: $0) }
        }
    }

    private struct Family {
        var name: String
        var labels: [Int: [String]]
    }

    private static let families: [Family] = [
        Family(
            name: "agree",
            labels: [
                4: ["Strongly disagree", "Disagree", "Agree", "Strongly agree"],
                5: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
                7: [
                    "Strongly disagree", "Disagree", "Somewhat disagree", "Neither agree nor disagree",
                    "Somewhat agree", "Agree", "Strongly agree",
                ],
            ]),
        Family(
            name: "satisfied",
            labels: [
                4: ["Very dissatisfied", "Dissatisfied", "Satisfied", "Very satisfied"],
                5: [
                    "Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied",
                    "Very satisfied",
                ],
                7: [
                    "Very dissatisfied", "Dissatisfied", "Somewhat dissatisfied",
                    "Neither satisfied nor dissatisfied", "Somewhat satisfied", "Satisfied", "Very satisfied",
                ],
            ]),
        Family(
            name: "likely",
            labels: [
                4: ["Very unlikely", "Unlikely", "Likely", "Very likely"],
                5: ["Very unlikely", "Unlikely", "Neither likely nor unlikely", "Likely", "Very likely"],
                7: [
                    "Very unlikely", "Unlikely", "Somewhat unlikely", "Neither likely nor unlikely", "Somewhat likely",
                    "Likely", "Very likely",
                ],
            ]),
        Family(
            name: "frequency",
            labels: [
                4: ["Never", "Sometimes", "Often", "Always"],
                5: ["Never", "Rarely", "Sometimes", "Often", "Always"],
                7: ["Never", "Very rarely", "Rarely", "Sometimes", "Often", "Very often", "Always"],
            ]),
        Family(
            name: "importance",
            labels: [
                4: ["Not important", "Slightly important", "Important", "Very important"],
                5: [
                    "Not at all important", "Slightly important", "Moderately important", "Very important",
                    "Extremely important",
                ],
                7: [
                    "Not at all important", "Low importance", "Slightly important", "Neutral",
                    "Moderately important", "Very important", "Extremely important",
                ],
            ]),
    ]

    /// How well a column's answers fit one scale.
    package struct Fit: Sendable, Hashable {
        /// The scale.
        package var scale: Scale
        /// Answers that are neither one of its labels nor one of its points' digits.
        package var misfits: Int
        /// Answers given as a label (not as digits).
        package var labelled: Int
        /// Labels no answer used (answers given as digits do not count).
        package var unusedLabels: Int
    }

    /// The best-fitting known scale for answers counted by value, or `nil` when no scale has
    /// an answer among its labels and at most `tolerance` misfits. Answers in
    /// ``nonAnswerTexts`` fit every scale: they become the scale's `nonAnswers`.
    ///
    /// The best fit has the fewest unused labels (a 4-point scale whose labels all appear
    /// beats a 5-point scale missing its middle, and a stray `7` among 5-point answers does
    /// not make a 7-point scale), then the fewest misfits, then the catalogue's order.
    package static func bestFit(_ counts: [(value: String, count: Int)], tolerance: Int) -> Fit? {
        var best: Fit?
        let declined = counts.map { $0.value.trimmed }.filter { nonAnswerTexts.contains($0.lowercased()) }
        for var scale in scales {
            scale.nonAnswers = declined
            let folded = scale.labels.map { $0.lowercased() }
            var used = Set<Int>()
            var misfits = 0
            var labelled = 0
            for (value, count) in counts {
                let answer = value.trimmed.lowercased()
                if let index = folded.firstIndex(of: answer) {
                    used.insert(index)
                    labelled += count
                } else if let point = Int(answer), (1...scale.labels.count).contains(point) {
                    // Digits fit, but only labels show which points the scale has: a stray
                    // `7` among 5-point answers must not make a 7-point scale look complete.
                    continue
                } else if nonAnswerTexts.contains(answer) {
                    continue
                } else {
                    misfits += count
                }
            }
            guard labelled > 0, misfits <= tolerance else { continue }
            let fit = Fit(
                scale: scale, misfits: misfits, labelled: labelled, unusedLabels: scale.labels.count - used.count)
            if let current = best, (current.unusedLabels, current.misfits) <= (fit.unusedLabels, fit.misfits) {
                continue
            }
            best = fit
        }
        return best
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs, as the loader compares answers.
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
