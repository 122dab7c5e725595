/// A horizontal bar drawn with Unicode block elements, for distributions and rankings in
/// plain text.
enum TextBar {
    /// The bar's length in characters at 100%.
    static let width = 20
    /// Partial blocks by eighths filled (index 1 = one eighth … 7 = seven eighths).
    private static let partials: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar for `fraction` (clamped to [0, 1]), to the nearest eighth of a character; empty
    /// for zero and for an undefined value.
    static func bar(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "" }
        let clamped = min(max(fraction, 0), 1)
        let eighths = Int((clamped * Double(width * 8)).rounded(.toNearestOrAwayFromZero))
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8]) }
        return bar
    }
}
