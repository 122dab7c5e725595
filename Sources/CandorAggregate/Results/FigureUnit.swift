/// The units a metric's primary figure is in, which decide how reports write it.
///
/// A metric kind states its unit (`MetricDefinition.unit`), so a report never guesses it from
/// the kind's name: a new kind that forgets to say is a compile error, not a percentage.
package enum FigureUnit: Sendable, Equatable {
    /// A fraction in [0, 1], shown as a percentage ("99.5%").
    case fraction
    /// Points on a signed scale such as NPS, shown as whole signed points ("+12").
    case points
    /// A coefficient such as Pearson's r, shown to two decimals ("0.41").
    case coefficient
    /// A score in the units of the field it summarises, such as a mean answer, shown to two
    /// decimals ("3.52").
    case score
}
