/// The running sums behind a share of answers pooled over several items per respondent, and its
/// interval clustered by respondent.
///
/// A Likert index counts each respondent's answers: yᵢ favourable out of mᵢ answered. Answers
/// from one person are not independent, so the share is a ratio estimator p̂ = Σwᵢyᵢ / Σwᵢmᵢ
/// whose standard error is linearised over respondents (as R survey's `svyratio` on a
/// with-replacement design, `svydesign(ids = ~1, weights = ~w)`):
///
///     SE² = n/(n − 1) · Σwᵢ²(yᵢ − p̂·mᵢ)² / (Σwᵢmᵢ)²
///
/// with n the respondents. Expanding the square lets one pass keep Σw²y², Σw²ym and Σw²m²
/// instead of every respondent's answers.
package struct ClusteredRatio: Sendable, Hashable {
    /// Respondents with at least one answer (n).
    package var respondents: Int
    /// Σwy: the numerator.
    package var numerator: Double
    /// Σwm: the denominator, the answers' weight.
    package var denominator: Double
    /// Σw²y².
    package var numeratorSquares: Double
    /// Σw²ym.
    package var crossProducts: Double
    /// Σw²m².
    package var denominatorSquares: Double

    /// Creates the sums.
    package init(
        respondents: Int, numerator: Double, denominator: Double, numeratorSquares: Double, crossProducts: Double,
        denominatorSquares: Double
    ) {
        self.respondents = respondents
        self.numerator = numerator
        self.denominator = denominator
        self.numeratorSquares = numeratorSquares
        self.crossProducts = crossProducts
        self.denominatorSquares = denominatorSquares
    }

    /// p̂ = Σwy / Σwm, or `nil` with no answers.
    package var ratio: Double? { denominator > 0 ? numerator / denominator : nil }

    /// The linearised standard error of `ratio`, or `nil` with fewer than two respondents (the
    /// n/(n − 1) correction is undefined).
    package var standardError: Double? {
        guard respondents > 1, let ratio else { return nil }
        // Σw²(y − p̂m)², never negative in exact arithmetic; rounding may leave a hair below 0.
        let residualSquares = max(
            0, numeratorSquares - 2 * ratio * crossProducts + ratio * ratio * denominatorSquares)
        let n = Double(respondents)
        return (n / (n - 1) * residualSquares).squareRoot() / denominator
    }

    /// The 95% interval p̂ ± z·SE, clamped to [0, 1]; `nil` when the standard error is.
    package func interval(z: Double = WilsonInterval.z95) -> Interval? {
        guard let ratio, let standardError else { return nil }
        return Interval(
            low: max(0, ratio - z * standardError), high: min(1, ratio + z * standardError), method: .clustered)
    }
}

extension ClusteredRatio {
    /// These sums less a part of them: the rest of the respondents once a group's are taken out
    /// (every sum is over respondents, so the rest's is the difference).
    package func removing(_ part: ClusteredRatio) -> ClusteredRatio {
        ClusteredRatio(
            respondents: respondents - part.respondents, numerator: numerator - part.numerator,
            denominator: denominator - part.denominator, numeratorSquares: numeratorSquares - part.numeratorSquares,
            crossProducts: crossProducts - part.crossProducts,
            denominatorSquares: denominatorSquares - part.denominatorSquares)
    }

    /// The two-sided p-value of the difference between this ratio and an independent one:
    /// z = (p̂₁ − p̂₂) / √(SE₁² + SE₂²), with each side's clustered standard error, so a pooled
    /// share of answers is tested with respondents as the units, as its interval is. `nil` where
    /// either side has no standard error or both are 0.
    package func differencePValue(from other: ClusteredRatio) -> Double? {
        guard let mine = ratio, let theirs = other.ratio, let se1 = standardError, let se2 = other.standardError
        else { return nil }
        let se = (se1 * se1 + se2 * se2).squareRoot()
        guard se > 0 else { return nil }
        return StandardNormal.twoSidedPValue(z: (mine - theirs) / se)
    }
}
