/// The units a metric's primary figure is in, which decide how it is written.
enum FigureUnit: Sendable, Equatable {
    /// A fraction in [0, 1], shown as a percentage ("99.5%").
    case fraction
    /// Points on a signed scale such as NPS, shown as whole signed points ("+12").
    case points
    /// A coefficient such as Pearson's r, shown to two decimals ("0.41").
    case coefficient

    /// The unit of the primary figure (`MetricResult.overall`) of a metric of `kind`.
    ///
    /// Shares, multiselect, Likert favourable shares, engagement classes and eta squared are
    /// fractions; NPS is in points; a drivers metric's figure is a correlation.
    init(kind: String) {
        switch kind {
        case "nps": self = .points
        case "drivers": self = .coefficient
        default: self = .fraction
        }
    }
}
