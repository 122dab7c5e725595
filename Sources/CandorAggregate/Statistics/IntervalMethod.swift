/// How a 95% interval was computed. Reports name it beside the figure (`interval_method` in JSON)
/// and explain each method used in their methods section.
package enum IntervalMethod: String, Sendable, Hashable, CaseIterable, Codable {
    /// The Wilson score interval of a share, on the count of respondents.
    case wilson
    /// The Wilson interval of a weighted share, with the Kish effective n in place of n.
    case kishWilson = "kish_wilson"
    /// A Student t interval of a mean: mean ± t(0.975, n − 1)·s/√n (n the effective n when weighted).
    case t
    /// The normal interval of a Net Promoter Score, with the multinomial variance of p₊ − p₋.
    case npsNormal = "nps_normal"
    /// A ratio estimator's interval with its standard error linearised and clustered by respondent
    /// (answers from one person are not independent).
    case clustered
    /// The F-distribution interval of ICC(1).
    case fICC = "f_icc"
    /// Fisher's z-transform interval of a correlation.
    case fisherZ = "fisher_z"
}
