/// Finds choose-all-that-apply questions: answers that join recurring option texts with a
/// separator, and SurveyMonkey's one-column-per-option layout.
package enum MultiselectDetector {
    /// The separators tried, in order of preference.
    package static let separators: [Character] = [";", ",", "|"]

    /// A multiselect read from one column.
    package struct Joined: Sendable, Hashable {
        /// The separator as the draft writes it (`", "` when every join had a space after it).
        package var separator: String
        /// The options, in first-seen order, without the none option.
        package var options: [String]
        /// An option that is never chosen with another and reads "None…".
        package var noneOption: String?
        /// What the guess rests on.
        package var evidence: String
    }

    /// The joined multiselect `profile` shows, if any.
    ///
    /// A separator qualifies when it splits the answers into at most 62 distinct options
    /// (after joining parts that only ever appear together, in order: an option whose text
    /// holds the separator), at least two options are chosen together in two or more answers
    /// (the co-occurrence that tells a multiselect from a label with a comma in it), and those
    /// combined answers are at least 5% of the answers.
    package static func joined(_ profile: ColumnProfile) -> Joined? {
        for evidence in profile.separators where !evidence.overflowed && evidence.answersSplit > 0 {
            let options = mergedOptions(evidence)
            guard (2...62).contains(options.count) else { continue }
            let merged = Set(options.flatMap(\.pairs))
            let together = evidence.pairCounts.filter { !merged.contains($0.key) }
            guard together.values.contains(where: { $0 >= 2 }),
                together.values.reduce(0, +) * 20 >= profile.answered
            else { continue }
            let spaced = evidence.spacedJoins == evidence.joins
            let separator = String(evidence.separator) + (spaced ? " " : "")
            let texts = options.map(\.text)
            let none = texts.first { text in
                text.lowercased().hasPrefix("none") && !options.contains { $0.text == text && $0.cooccurs }
            }
            let joinedCount = evidence.answersSplit
            var note =
                "multiselect: answers join \(texts.count) recurring options with \"\(separator)\" "
                + "(\(joinedCount) of \(profile.answered) answers hold more than one)"
            if options.contains(where: { !$0.pairs.isEmpty }) {
                note += "; options holding the separator are kept whole"
            }
            if let none { note += "; \"\(none)\" is never chosen with another" }
            return Joined(separator: separator, options: texts.filter { $0 != none }, noneOption: none, evidence: note)
        }
        return nil
    }

    /// One option rebuilt from its parts.
    private struct Option {
        var text: String
        /// The part pairs joined into this option.
        var pairs: [SeparatorEvidence.Pair]
        /// Whether it was chosen together with another option.
        var cooccurs: Bool
    }

    /// The parts, with each chain of parts that only ever appear together, in order, joined
    /// back into one option.
    private static func mergedOptions(_ evidence: SeparatorEvidence) -> [Option] {
        var next: [String: SeparatorEvidence.Pair] = [:]
        var continuations: Set<String> = []
        for (pair, count) in evidence.pairCounts
        where count == evidence.partCounts[pair.first] && count == evidence.partCounts[pair.second]
            && pair.first != pair.second
        {
            next[pair.first] = pair
            continuations.insert(pair.second)
        }
        var options: [Option] = []
        for part in evidence.parts where !continuations.contains(part) {
            var text = part
            var pairs: [SeparatorEvidence.Pair] = []
            var cursor = part
            while let pair = next[cursor], pairs.count < evidence.parts.count {
                text += (evidence.joiners[pair] ?? String(evidence.separator)) + pair.second
                pairs.append(pair)
                cursor = pair.second
            }
            // An option co-occurs when its first or last part sits beside another option's.
            let ends = [part, cursor]
            let cooccurs = evidence.pairCounts.keys.contains { pair in
                !pairs.contains(pair) && (ends.contains(pair.first) || ends.contains(pair.second))
            }
            options.append(Option(text: text, pairs: pairs, cooccurs: cooccurs))
        }
        return options
    }

    /// SurveyMonkey's per-option columns: runs of two or more adjacent columns under one
    /// question whose every answer is the column's own option label (or `0`/`1`).
    ///
    /// - Parameters:
    ///   - profiles: the columns' profiles.
    ///   - optionLabels: per column, the row-2 sub-label SurveyMonkey puts over an option's
    ///     column (`nil` where there is none).
    /// - Returns: the runs, as column index ranges.
    package static func perOptionRuns(_ profiles: [ColumnProfile], optionLabels: [String?]) -> [Range<Int>] {
        func isOptionColumn(_ index: Int) -> Bool {
            guard let label = optionLabels[index], profiles[index].isTracked else { return false }
            let answers = Set(profiles[index].values.map(\.trimmed))
            return answers.isSubset(of: [label.trimmed])
        }
        var runs: [Range<Int>] = []
        var start = 0
        while start < profiles.count {
            var end = start
            while end < profiles.count, isOptionColumn(end), profiles[end].question == profiles[start].question {
                end += 1
            }
            if end - start >= 2 {
                runs.append(start..<end)
                start = end
            } else {
                start += 1
            }
        }
        return runs
    }
}
