import CandorAggregate

/// The machine-readable precision of report numbers, shared by the JSON report and the tidy CSV
/// so a figure is written identically in both.
enum ReportNumber {
    /// Decimals a number in `unit` keeps: fractions, coefficients and means 6, points 2.
    static func places(_ unit: FigureUnit) -> Int {
        switch unit {
        case .points: 2
        case .fraction, .coefficient, .score: 6
        }
    }

    /// `value` in `unit`, rounded and with trailing zeros dropped; empty when absent or not finite.
    static func text(_ value: Double?, unit: FigureUnit) -> String {
        text(value, places: places(unit))
    }

    /// `value` rounded to `places`, trailing zeros dropped; empty when absent or not finite.
    static func text(_ value: Double?, places: Int) -> String {
        guard let value else { return "" }
        return DecimalText.fixed(value, places: places, trimZeros: true) ?? ""
    }
}
