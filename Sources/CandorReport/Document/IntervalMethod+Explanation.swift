import CandorAggregate

extension IntervalMethod {
    /// How the methods section explains the method, one sentence without a final stop.
    package var explanation: String {
        switch self {
        case .wilson:
            "wilson: the Wilson score interval of a share, 95%, on the count of respondents"
        case .kishWilson:
            "kish_wilson: the Wilson score interval of a weighted share, 95%, with Kish's effective n in place of n"
        case .t:
            "t: mean ± t(0.975, n − 1)·s/√n, Student's t interval of a mean (n the effective n when weighted)"
        case .npsNormal:
            "nps_normal: score ± 1.96·√Var, the normal interval of a Net Promoter Score with the multinomial"
                + " variance 100²·(p₊ + p₋ − (p₊ − p₋)²)/n"
        case .clustered:
            "clustered: a ratio estimator's interval, its standard error linearised and clustered by respondent"
                + " (the answers of one person are not independent)"
        case .fICC:
            "f_icc: the interval of ICC(1) from the F distribution of MSB/MSW"
        case .fisherZ:
            "fisher_z: the interval of a correlation through Fisher's z-transform, atanh(r) ± 1.96/√(n − 3)"
        }
    }
}

extension PValueAdjustment {
    /// How the methods section explains the adjustment of segment tables' p-values.
    package var explanation: String {
        switch self {
        case .benjaminiHochberg:
            "each segment table tests every shown group against the rest, so its p-values are adjusted within the"
                + " table by Benjamini–Hochberg, which controls the false discovery rate (the expected share of"
                + " false positives among the groups called different); a group differs when its adjusted p is under"
                + " 0.05"
        case .holm:
            "each segment table tests every shown group against the rest, so its p-values are adjusted within the"
                + " table by Holm's step-down method, which controls the family-wise error (the chance of any false"
                + " positive in the table); a group differs when its adjusted p is under 0.05"
        case .none:
            "p-values are not adjusted for the number of groups tested in a table (statistics.adjust: none), so"
                + " about one group in twenty differs at 5% by chance alone"
        }
    }
}
