/// A correction of the p-values of one table's tests for the number of tests in it.
///
/// A segment table runs one test per group; at 20 groups, one in 20 is "significant" at 5% by
/// chance alone. Each method returns adjusted p-values in the input's order, so a group's
/// adjusted p sits beside its raw one and is compared with the same α.
package enum PValueAdjustment: String, Sendable, Hashable, CaseIterable, Codable {
    /// Benjamini–Hochberg: controls the false discovery rate (the expected share of false
    /// positives among the groups called different). The default: it keeps more power than Holm
    /// when a table has many groups.
    case benjaminiHochberg = "benjamini_hochberg"
    /// Holm's step-down method: controls the family-wise error (the chance of any false positive).
    case holm
    /// No correction: each p-value is returned as it is.
    case none

    /// The method's name as the report's methods section states it.
    package var displayName: String {
        switch self {
        case .benjaminiHochberg: "Benjamini–Hochberg (false discovery rate)"
        case .holm: "Holm (family-wise error)"
        case .none: "no correction for multiple tests"
        }
    }

    /// The adjusted p-values, in the order of `pValues`, each at most 1.
    ///
    /// `nil` entries (groups with no test) take no part: the family size m counts only the tests
    /// that ran, and their places stay `nil`. Ties keep their input order, so the result does not
    /// depend on how a sort breaks them.
    package func adjusted(_ pValues: [Double?]) -> [Double?] {
        let tested = pValues.indices.filter { pValues[$0] != nil }
        let m = Double(tested.count)
        guard self != .none, tested.count > 1 else { return pValues }
        var result = pValues
        switch self {
        case .benjaminiHochberg:
            // p_(i) · m / i, made monotone from the largest p down (statsmodels' fdr_bh).
            let order = tested.sorted { (pValues[$0]!, $0) > (pValues[$1]!, $1) }
            var running = 1.0
            for (offset, index) in order.enumerated() {
                let rank = m - Double(offset)
                running = min(running, pValues[index]! * m / rank)
                result[index] = running
            }
        case .holm:
            // p_(i) · (m − i + 1), made monotone from the smallest p up.
            let order = tested.sorted { (pValues[$0]!, $0) < (pValues[$1]!, $1) }
            var running = 0.0
            for (offset, index) in order.enumerated() {
                running = max(running, min(1, pValues[index]! * (m - Double(offset))))
                result[index] = running
            }
        case .none:
            break
        }
        return result
    }
}
