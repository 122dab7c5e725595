import CandorAggregate

/// How a report words a change since the previous wave: "up 4.1 points since 2025-Q4 (significant)".
enum ChangeText {
    /// A difference in the points the meaningful-change rule counts: percentage points for
    /// shares, the figure's own units otherwise.
    static func points(_ difference: Double, unit: FigureUnit) -> Double {
        unit == .fraction ? difference * 100 : difference
    }

    /// The sentence part for `change`: direction, size, previous wave and verdict.
    static func phrase(_ change: FigureChange, unit: FigureUnit) -> String {
        let size = magnitude(change.difference, unit: unit)
        // "0.0 points" once rounded: no direction to state.
        let rounded = size.prefix { $0 != " " }
        let direction =
            rounded.allSatisfy({ $0 == "0" || $0 == "." })
            ? "unchanged" : (change.difference > 0 ? "up " : "down ") + size
        var verdicts: [String] = []
        if let significant = change.significant { verdicts.append(significant ? "significant" : "not significant") }
        if change.meaningful == false { verdicts.append("under the minimum difference") }
        let since = " since " + MarkdownEscaping.escape(change.previousWave)
        return direction + since + (verdicts.isEmpty ? "" : " (" + verdicts.joined(separator: ", ") + ")")
    }

    /// The difference without its sign, with its unit's word: "4.1 points", "0.12".
    private static func magnitude(_ difference: Double, unit: FigureUnit) -> String {
        switch unit {
        case .fraction: (DecimalText.fixed(abs(difference) * 100, places: 1) ?? FigureText.missing) + " points"
        case .points: (DecimalText.fixed(abs(difference), places: 1) ?? FigureText.missing) + " points"
        case .coefficient, .score: DecimalText.fixed(abs(difference), places: 2) ?? FigureText.missing
        }
    }

    /// A table cell: the signed difference, marked "*" when significant.
    static func cell(_ change: FigureChange?, unit: FigureUnit) -> String {
        guard let change else { return FigureText.missing }
        return FigureText.difference(change.difference, unit: unit) + (change.significant == true ? " *" : "")
    }
}
