/// What one candidate separator makes of a column's answers, gathered one answer at a time in
/// bounded memory: the parts it splits answers into, and which parts sit side by side.
///
/// A multiselect column shows a small set of parts that recur and co-occur (`Bully;Absentee`,
/// `Absentee;Indecisive`). An option whose own text holds the separator (`Credit taker, blame
/// shifter` split at commas) shows as two parts that only ever appear together, in that order:
/// ``MultiselectDetector`` joins them back.
package struct SeparatorEvidence: Sendable {
    /// The separator character, as the loader's `separator:` key takes it.
    package let separator: Character
    /// Answers holding the separator.
    package var answersSplit = 0
    /// Occurrences of the separator followed by a space.
    package var spacedJoins = 0
    /// All occurrences of the separator.
    package var joins = 0
    /// Each part (trimmed) with its count, in first-seen order, at most `partLimit`.
    package var parts: [String] = []
    /// Counts per part in `parts`.
    package var partCounts: [String: Int] = [:]
    /// Parts that appeared in an answer together with another part.
    package var cooccurring: Set<String> = []
    /// Whether more distinct parts were seen than are kept: then this is not a multiselect.
    package var overflowed = false
    /// Adjacent part pairs (first, second) with their counts, at most `pairLimit`.
    package var pairCounts: [Pair: Int] = [:]
    /// The text between the two parts of each pair as first seen (such as `", "`).
    package var joiners: [Pair: String] = [:]

    /// Two parts, the first straight before the second.
    package struct Pair: Sendable, Hashable {
        /// The first part.
        package var first: String
        /// The part after it.
        package var second: String
    }

    /// The most distinct parts kept: a multiselect has at most 62 options.
    package static let partLimit = 64
    /// The most distinct pairs kept.
    package static let pairLimit = 512

    /// The separator's byte (every candidate is ASCII).
    package let byte: UInt8

    /// Evidence for `separator` (an ASCII character), before any answer.
    package init(separator: Character) {
        self.separator = separator
        byte = separator.asciiValue ?? 0
    }

    /// Adds one non-blank answer that does not hold the separator: a single part.
    package mutating func addWhole(_ answer: String) {
        guard !overflowed else { return }
        count(answer.trimmed, inAnswerOf: 1)
    }

    /// Counts one part of an answer of `parts` parts; false when the part limit is reached.
    @discardableResult
    private mutating func count(_ piece: String, inAnswerOf parts: Int) -> Bool {
        if partCounts[piece] == nil {
            guard self.parts.count < Self.partLimit else {
                overflowed = true
                return false
            }
            self.parts.append(piece)
        }
        partCounts[piece, default: 0] += 1
        if parts > 1 { cooccurring.insert(piece) }
        return true
    }

    /// Adds one non-blank answer.
    package mutating func add(_ answer: String) {
        guard !overflowed else { return }
        var pieces: [String] = []
        var spacings: [String] = []
        var current = ""
        var iterator = answer.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            guard character == separator else {
                current.append(character)
                continue
            }
            joins += 1
            var joiner = String(separator)
            if let next = iterator.next() {
                if next == " " {
                    spacedJoins += 1
                    joiner.append(" ")
                } else {
                    pending = next
                }
            }
            pieces.append(current.trimmed)
            spacings.append(joiner)
            current = ""
        }
        pieces.append(current.trimmed)
        if pieces.count > 1 { answersSplit += 1 }
        for piece in pieces where !piece.isEmpty {
            guard count(piece, inAnswerOf: pieces.count) else { return }
        }
        for index in pieces.indices.dropLast() where !pieces[index].isEmpty && !pieces[index + 1].isEmpty {
            let pair = Pair(first: pieces[index], second: pieces[index + 1])
            if pairCounts[pair] == nil {
                guard pairCounts.count < Self.pairLimit else { continue }
                joiners[pair] = spacings[index]
            }
            pairCounts[pair, default: 0] += 1
        }
    }
}
