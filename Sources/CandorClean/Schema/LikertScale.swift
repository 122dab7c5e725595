import CandorCore

/// A rating scale: its points, their labels, the answers that are not ratings, and which points
/// count as favourable.
package struct LikertScale: Sendable, Hashable {
    /// The scale's name in the pipeline definition.
    package var name: String
    /// The point values, ascending (usually 1…N).
    package var points: [Int]
    /// The label of each point, in the same order.
    package var labels: [String]
    /// Answers that take the respondent out of the item's denominator ("Don't know", "N/A").
    package var nonAnswers: [String]
    /// Points counted as favourable.
    package var favourable: Set<Int>
    /// Points counted as unfavourable; the rest are neutral.
    package var unfavourable: Set<Int>

    /// Creates a scale. Favourable defaults to the top two points of a 4- or 5-point scale and
    /// the top three of a 7-point one; unfavourable defaults to the mirror image.
    package init(
        name: String, points: [Int]? = nil, labels: [String], nonAnswers: [String] = [],
        favourable: Set<Int>? = nil, unfavourable: Set<Int>? = nil
    ) {
        let resolvedPoints = points ?? Array(1...max(1, labels.count))
        self.name = name
        self.points = resolvedPoints
        self.labels = labels
        self.nonAnswers = nonAnswers
        let topCount = resolvedPoints.count >= 7 ? 3 : (resolvedPoints.count >= 4 ? 2 : 1)
        let top = Set(resolvedPoints.suffix(topCount))
        self.favourable = favourable ?? top
        let mirrored = Set(resolvedPoints.prefix(self.favourable.count))
        self.unfavourable = unfavourable ?? mirrored
    }

    /// Lowest point.
    package var minimum: Int { points.first ?? 1 }
    /// Highest point.
    package var maximum: Int { points.last ?? 1 }

    /// The label of `point`, or the point itself as text.
    package func label(of point: Int) -> String {
        guard let index = points.firstIndex(of: point), index < labels.count else { return String(point) }
        return labels[index]
    }

    /// The favourable rule in words, e.g. "4–5 (Agree, Strongly agree)".
    package var favourableDescription: String {
        let sorted = favourable.sorted()
        let range =
            sorted.count > 1 && sorted.last! - sorted.first! == sorted.count - 1
            ? "\(sorted.first!)–\(sorted.last!)" : sorted.map(String.init).joined(separator: ", ")
        return "\(range) (\(QuotedList.text(sorted.map { label(of: $0) })))"
    }
}
