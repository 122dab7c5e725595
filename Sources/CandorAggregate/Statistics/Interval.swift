/// A closed interval `[low, high]`, such as a 95% confidence interval.
///
/// Shares are fractions in `[0, 1]`; scores such as NPS are in their own units (points).
package struct Interval: Sendable, Hashable, Codable {
    /// The lower bound.
    package var low: Double
    /// The upper bound.
    package var high: Double
    /// How the interval was computed, named in the report beside every figure that carries one.
    package var method: IntervalMethod

    /// Creates an interval from its bounds and the method that produced them.
    package init(low: Double, high: Double, method: IntervalMethod) {
        self.low = low
        self.high = high
        self.method = method
    }

    /// `high - low`: the figure compared with `max_interval_width` to flag unreliable estimates.
    package var width: Double { high - low }

    /// Whether `value` lies inside the interval, bounds included.
    package func contains(_ value: Double) -> Bool { low <= value && value <= high }
}
