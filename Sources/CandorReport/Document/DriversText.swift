import CandorAggregate

/// The words a report uses for a `drivers` metric: what r is, which items were corrected and
/// how the items are ordered, in one place for the table's notes and the methods.
enum DriversText {
    /// How the items are ordered.
    static let ordering = "Items are ranked by r, highest first; an undefined r comes last."

    /// What the metric measures, for the methods' definitions.
    static func definition(outcome: String, items: [DriverFigure], isBinaryOutcome: Bool) -> String {
        var text =
            isBinaryOutcome
            ? "point-biserial correlation (Pearson's r with " + outcome + " coded 1 = yes, 0 = no) of each item"
            : "Pearson correlation of each item with " + outcome
        if items.contains(where: \.isItemRest) {
            text +=
                "; an item of the " + outcome + " block is correlated with the mean of the block's other answered"
                + " items (the item-rest, or corrected item-total, correlation), so it does not count toward its"
                + " own outcome, and a respondent counts for it when they answered it and another item of the block"
        }
        return text + "; items ranked by r, highest first"
    }

    /// The note under the table naming the items whose r is item-rest, or `nil` when none is.
    static func itemRestNote(outcome: String, items: [DriverFigure]) -> String? {
        let corrected = items.filter(\.isItemRest).map(\.item)
        guard !corrected.isEmpty else { return nil }
        let which =
            corrected.count == items.count
            ? "Every item" : (corrected.count == 1 ? "Item " : "Items ") + corrected.joined(separator: ", ")
        return which + " of the " + outcome
            + " block: r is with the mean of the block's other items (item-rest r, corrected for the item's"
            + " own part in the score)."
    }
}
