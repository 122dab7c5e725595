#!/usr/bin/env python3
"""ICC(1), its 95% F interval, the F test and eta squared of the unbalanced table in
VarianceShareICCTests.swift, worked out without candor's code.

    python3 Tests/CandorAggregateTests/Reference/icc1.py

Needs numpy and scipy (the test's values come from numpy 2.4.6 and scipy 1.17.1). The F test is
scipy's one-way ANOVA; ICC(1) = (MSB - MSW)/(MSB + (n0 - 1) MSW) with
n0 = (N - sum n_i^2 / N)/(k - 1), and its interval F_L = F/F.975(k-1, N-k),
F_U = F * F.975(N-k, k-1), [(F_L - 1)/(F_L + n0 - 1), (F_U - 1)/(F_U + n0 - 1)].
"""
import numpy as np
from scipy import stats

GROUPS = {
    "A": [3, 4, 5, 4],
    "B": [2, 3, 2],
    "C": [5, 4, 5, 5, 4],
    "D": [1, 2, 3, 2, 2, 1],
    "E": [3, 3, 4, 2, 4, 3, 5],
}

values = [np.array(v, dtype=float) for v in GROUPS.values()]
everyone = np.concatenate(values)
N, k = len(everyone), len(values)
grand = everyone.mean()
ssb = sum(len(v) * (v.mean() - grand) ** 2 for v in values)
ssw = sum(((v - v.mean()) ** 2).sum() for v in values)
msb, msw = ssb / (k - 1), ssw / (N - k)
n0 = (N - sum(len(v) ** 2 for v in values) / N) / (k - 1)
icc = (msb - msw) / (msb + (n0 - 1) * msw)
F = msb / msw
anova = stats.f_oneway(*values)
fl = F / stats.f.ppf(0.975, k - 1, N - k)
fu = F * stats.f.ppf(0.975, N - k, k - 1)
print(f"N={N} k={k} n0={n0!r}")
print(f"icc1={float(icc)!r}")
print(f"interval=({float((fl - 1) / (fl + n0 - 1))!r}, {float((fu - 1) / (fu + n0 - 1))!r})")
print(f"F={float(F)!r} scipy f_oneway F={float(anova.statistic)!r} p={float(anova.pvalue)!r} df=({k - 1}, {N - k})")
print(f"eta2={float(ssb / (ssb + ssw))!r} chance={(k - 1) / (N - 1)!r}")
