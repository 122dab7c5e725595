/// What a segment row's test of "this group against the rest" came to.
///
/// A row either has a p-value (from the table's usual large-sample test, or from Fisher's exact
/// test where the usual test's conditions fail), or no valid test exists for it and the report
/// says "too few to test" rather than print a p-value the test cannot stand behind.
package enum GroupTest: Sendable, Equatable, Codable {
    /// The table's named test ran: z-test, Welch's t-test, or the NPS z-test.
    case approximate(pValue: Double)
    /// Fisher's exact test (two-sided), used for a share where an expected count of the
    /// group-against-rest 2×2 table is under 5.
    case fisherExact(pValue: Double)
    /// No valid test: a sample too small for the approximation and no exact test for the data
    /// (weighted counts, a share of answers, a score), or a side with fewer than 2 respondents.
    case tooFewToTest
    /// The test is undefined although the groups are large enough: nobody (or everybody) varies.
    case undefined

    /// The unadjusted two-sided p-value, when a test ran.
    package var pValue: Double? {
        switch self {
        case .approximate(let p), .fisherExact(let p): p
        case .tooFewToTest, .undefined: nil
        }
    }

    /// The name written as `test` beside a row in the JSON report: `approximate`, `fisher_exact`,
    /// `too_few_to_test` or `undefined`.
    package var code: String {
        switch self {
        case .approximate: "approximate"
        case .fisherExact: "fisher_exact"
        case .tooFewToTest: "too_few_to_test"
        case .undefined: "undefined"
        }
    }

    /// The smallest expected count under which a large-sample test of counts is not trusted.
    static let minimumExpectedCount = 5.0

    /// Whether every expected count of the 2×2 table `[[a, b], [c, d]]` (the group's successes and
    /// failures, the rest's) reaches ``minimumExpectedCount``.
    static func expectedCountsSuffice(a: Double, b: Double, c: Double, d: Double) -> Bool {
        let total = a + b + c + d
        guard total > 0 else { return false }
        let rows = [a + b, c + d]
        let columns = [a + c, b + d]
        return rows.allSatisfy { row in columns.allSatisfy { row * $0 / total >= minimumExpectedCount } }
    }
}
