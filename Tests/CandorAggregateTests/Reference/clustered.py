#!/usr/bin/env python3
"""Expected values of the Likert index's interval clustered by respondent, worked out without
candor's code, two ways that must agree:

1. R survey's `svyratio` on a with-replacement design (`svydesign(ids = ~1, weights = ~w)`),
   reimplemented in numpy: p = sum(w y) / sum(w m); the influence values
   z_i = w_i (y_i - p m_i) / sum(w m); Var = n/(n - 1) * sum((z_i - mean(z))^2).
2. statsmodels: the ratio is the weighted least-squares mean of y/m with weights w m, and its
   HC1 sandwich variance is the same linearised variance (HC1's n/(n - k) with k = 1).

    python3 Tests/CandorAggregateTests/Reference/clustered.py

Needs numpy and statsmodels (the tests' values come from numpy 2.4 and statsmodels 0.15.0). Each
line it prints is pasted as a comment beside the check that uses it (ClusteredRatioTests.swift,
AggregatorHandTests.swift, ReverseCodedItemTests.swift).
"""
import numpy as np
import statsmodels.api as sm

Z = 1.959963984540054


def svyratio(y, m, w):
    y, m, w = (np.asarray(a, dtype=float) for a in (y, m, w))
    n = len(y)
    p = (w * y).sum() / (w * m).sum()
    z = w * (y - p * m) / (w * m).sum()
    se = np.sqrt(n / (n - 1) * ((z - z.mean()) ** 2).sum())
    return p, se, max(0.0, p - Z * se), min(1.0, p + Z * se)


def statsmodels_ratio(y, m, w):
    y, m, w = (np.asarray(a, dtype=float) for a in (y, m, w))
    fit = sm.WLS(y / m, np.ones(len(y)), weights=w * m).fit(cov_type="HC1")
    return fit.params[0], fit.bse[0]


def show(name, y, m, w):
    p, se, low, high = svyratio(y, m, w)
    sp, sse = statsmodels_ratio(y, m, w)
    assert abs(p - sp) < 1e-12 and abs(se - sse) < 1e-12, (p, sp, se, sse)
    print(f"{name}: p {float(p)!r} se {float(se)!r} ci ({float(low)!r}, {float(high)!r})")


# A small hand table: per respondent, favourable answers y, answers m, weight w.
Y = [2, 0, 3, 1, 1, 2]
M = [3, 2, 3, 2, 1, 3]
W = [1.0, 2.0, 0.5, 1.5, 1.0, 3.0]
show("hand unweighted", Y, M, [1] * len(Y))
show("hand weighted", Y, M, W)

# HandSurvey (AggregatorHandTests.swift): q1-q3 per respondent who answered any, favourable 4-5,
# unfavourable 1-2, neutral 3; rows as in hand.py.
N = None
ITEMS = [
    [5, 4, 4], [4, 4, 5], [3, 3, 2], [2, 2, 1], [4, 5, N], [5, 5, 5], [1, 2, N], [3, 4, 3], [4, 4, 4], [2, 3, 2],
    [5, 5, 4], [3, N, N], [4, 4, 3], [2, 1, 2], [1, 1, 1], [N, N, N], [4, 5, 4], [5, 4, 5], [3, 3, 3], [4, 3, 4],
]
answered = [[a for a in row if a is not None] for row in ITEMS if any(a is not None for a in row)]
m = [len(a) for a in answered]
ones = [1] * len(m)
show("hand survey index favourable", [sum(x >= 4 for x in a) for a in answered], m, ones)
show("hand survey index neutral", [sum(x == 3 for x in a) for a in answered], m, ones)
show("hand survey index unfavourable", [sum(x <= 2 for x in a) for a in answered], m, ones)
# The segment row left = Yes (AggregatorSegmentTests.swift): `left` per row of ITEMS.
LEFT = [1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1, N, 1, 1, 0, 0, 0, 1, 0]
left_yes = [[a for a in row if a is not None] for row, left in zip(ITEMS, LEFT) if left == 1 and any(
    a is not None for a in row)]
show("hand survey index left = Yes", [sum(x >= 4 for x in a) for a in left_yes], [len(a) for a in left_yes],
     [1] * len(left_yes))

# ReverseCodedRunTests.swift: q1 as answered, q2 reverse-coded (scored 6 - answer); favourable
# 4-5 of the scored points. Per respondent (q1, q2 answered).
ANSWERS = [(5, 5), (4, 5), (4, 5), (3, 5), (2, 4), (5, 4), (4, 3), (1, 2), (3, 2), (4, 1)]
favourable = [int(q1 >= 4) + int(6 - q2 >= 4) for q1, q2 in ANSWERS]
show("reverse-coded run index favourable", favourable, [2] * len(ANSWERS), [1] * len(ANSWERS))
