#!/usr/bin/env python3
"""Expected values of the hand-built survey (`HandSurvey` in AggregatorHandTests.swift), worked
out without candor's code.

    python3 Tests/CandorAggregateTests/Reference/hand.py

Needs numpy, scipy and statsmodels (`pip install numpy scipy statsmodels`; the tests' values
come from numpy 2.4, scipy 1.17.1 and statsmodels 0.15.0). Each line it prints is pasted as a
comment beside the check that uses it in AggregatorHandTests.swift and
AggregatorSegmentTests.swift. The dataset below is the `rows` of `HandSurvey`, row for row.

Conventions, as the report's Methods section states them: Wilson 95% intervals; segment rows are
tested against the rest of the respondents (all respondents minus the group, so a respondent
with no segment value is in every "rest"); Likert favourable = 4-5, unfavourable = 1-2;
percentages by largest remainder; NPS promoters 9-10, detractors 0-6.
"""
from math import sqrt

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

M = None
# dept, q1, q2, q3, types (A=1 B=2 C=4 None=8), enps, left, manager
ROWS = [
    [0, 5, 4, 4, 3, 9, 1, 0], [0, 4, 4, 5, 1, 10, 0, 0], [0, 3, 3, 2, 4, 6, 1, 0], [0, 2, 2, 1, 8, 3, 1, 0],
    [0, 4, 5, M, 6, 8, 0, 1], [0, 5, 5, 5, 8, 9, 0, 1], [0, 1, 2, M, 7, 2, 1, 1], [1, 3, 4, 3, 1, 7, 0, 1],
    [1, 4, 4, 4, 2, 9, 0, 1], [1, 2, 3, 2, M, 5, 1, 1], [1, 5, 5, 4, 5, 10, 0, 2], [1, 3, M, M, 4, M, 1, 2],
    [1, 4, 4, 3, 8, 8, M, 2], [2, 2, 1, 2, 3, 4, 1, 2], [2, 1, 1, 1, 2, 0, 1, 2], [2, M, M, M, 1, 6, 0, 3],
    [M, 4, 5, 4, 8, 9, 0, 3], [2, 5, 4, 5, 1, 10, 0, 3], [1, 3, 3, 3, 4, 7, 1, 0], [0, 4, 3, 4, M, 8, 0, 1],
]
DEPT, Q1, Q2, Q3, TYPES, ENPS, LEFT, MANAGER = range(8)
ITEMS = [Q1, Q2, Q3]
MIN_GROUP = 5
Z = stats.norm.ppf(0.975)


def wilson(count, n):
    """statsmodels' Wilson interval; `count` may be fractional (a share of answers times n)."""
    return proportion_confint(count, n, alpha=0.05, method="wilson")


def largest_remainder(counts, total=100):
    """Whole percentages adding to `total`: floors, then the largest remainders get one more
    (ties to the earlier point)."""
    n = sum(counts)
    exact = [c * total / n for c in counts]
    floors = [int(x) for x in exact]
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[: total - sum(floors)]:
        floors[i] += 1
    return floors


def nps(scores):
    """Score, interval and counts: 100*mean of +1/0/-1, SE = 100*sqrt(population var / n)."""
    s = np.array([1 if x >= 9 else (-1 if x <= 6 else 0) for x in scores], dtype=float)
    score = 100 * s.mean()
    se = 100 * sqrt(s.var() / len(s))
    return float(score), (float(score - Z * se), float(score + Z * se)), s


def nps_p(group, rest):
    """z = (S_g - S_r) / sqrt(V_g + V_r), V = 100^2 (p+ + p- - (p+ - p-)^2) / n."""
    def score_var(scores):
        p_plus = sum(1 for x in scores if x >= 9) / len(scores)
        p_minus = sum(1 for x in scores if x <= 6) / len(scores)
        return 100 * (p_plus - p_minus), 10_000 * (p_plus + p_minus - (p_plus - p_minus) ** 2) / len(scores)
    (sg, vg), (sr, vr) = score_var(group), score_var(rest)
    return sg, 2 * stats.norm.sf(abs((sg - sr) / sqrt(vg + vr)))


def answered(rows, field):
    return [r for r in rows if r[field] is not None]


# --- share: left = Yes ---------------------------------------------------------------------
left = answered(ROWS, LEFT)
k = sum(r[LEFT] for r in left)
print("share left", (k, len(left), k / len(left)) + wilson(k, len(left)))

# --- multiselect: types, among respondents who answered ------------------------------------
typed = answered(ROWS, TYPES)
for bit, name in [(1, "A"), (2, "B"), (4, "C"), (8, "None")]:
    c = sum(1 for r in typed if r[TYPES] & bit)
    print("option", name, (c, len(typed)) + wilson(c, len(typed)))
at_least = sum(1 for r in typed if r[TYPES] & 7)
print("atleast", (at_least, len(typed), at_least / len(typed)) + wilson(at_least, len(typed)))
print("meanchosen", sum(bin(r[TYPES] & 7).count("1") for r in typed) / len(typed))

# --- likert items and the pooled index ----------------------------------------------------
for item in ITEMS:
    values = [r[item] for r in ROWS if r[item] is not None]
    n = len(values)
    counts = [values.count(p) for p in range(1, 6)]
    fav, neu, unf = sum(counts[3:]), counts[2], sum(counts[:2])
    mean = float(np.mean(values))
    print(f"q{item} n {n} counts {counts} pct {largest_remainder(counts)}")
    print(f"q{item} fav", (fav, n) + wilson(fav, n), "neu", (neu, n) + wilson(neu, n),
          "unf", (unf, n) + wilson(unf, n))
    print(f"q{item} mean {mean} (0-100: {(mean - 1) / 4 * 100})")
index_rows = [r for r in ROWS if any(r[i] is not None for i in ITEMS)]
answers = [r[i] for r in index_rows for i in ITEMS if r[i] is not None]
counts = [answers.count(p) for p in range(1, 6)]
fav = sum(counts[3:])
n = len(index_rows)
print(f"index n {n} answers {len(answers)} counts {counts} pct {largest_remainder(counts)} fav {fav}/{len(answers)}",
      "wilson with respondents as n", wilson(fav / len(answers) * n, n), "mean", float(np.mean(answers)))

# --- NPS --------------------------------------------------------------------------------------
scores = [r[ENPS] for r in ROWS if r[ENPS] is not None]
score, ci, _ = nps(scores)
print("nps n", len(scores), "P", sum(x >= 9 for x in scores), "Pa", sum(7 <= x <= 8 for x in scores),
      "D", sum(x <= 6 for x in scores), "score", score, "ci", ci)

# --- engagement index: mean of answered items, at least 2 of 3 --------------------------------
means = []
for r in ROWS:
    values = [r[i] for i in ITEMS if r[i] is not None]
    if len(values) >= 2:
        means.append(sum(values) / len(values))
n = len(means)
engaged = sum(m >= 4.0 for m in means)
disengaged = sum(m < 2.5 for m in means)
print("engagement n", n, "E", (engaged, n) + wilson(engaged, n), "N", n - engaged - disengaged,
      "D", (disengaged, n) + wilson(disengaged, n), "mean", float(np.mean(means)))

# --- variance share: engagement (mean of answered items) by manager, groups of 5 or more ------
by_manager = {}
for r in ROWS:
    values = [r[i] for i in ITEMS if r[i] is not None]
    if values:
        by_manager.setdefault(r[MANAGER], []).append(sum(values) / len(values))
print("groups", {f"M{g + 1}": len(v) for g, v in sorted(by_manager.items())})
kept = [np.array(v) for v in by_manager.values() if len(v) >= MIN_GROUP]
everyone = np.concatenate(kept)
grand = everyone.mean()
ss_between = sum(len(g) * (g.mean() - grand) ** 2 for g in kept)
ss_total = ((everyone - grand) ** 2).sum()
big_n, groups = len(everyone), len(kept)
ms_between = ss_between / (groups - 1)
ms_within = (ss_total - ss_between) / (big_n - groups)
k0 = (big_n - sum(len(g) ** 2 for g in kept) / big_n) / (groups - 1)
print("N", big_n, "G", groups, "eta", ss_between / ss_total,
      "icc", (ms_between - ms_within) / (ms_between + (k0 - 1) * ms_within))

# --- drivers: Pearson r of each item with eNPS, pairwise complete -----------------------------
for item in ITEMS:
    pairs = [(r[item], r[ENPS]) for r in ROWS if r[item] is not None and r[ENPS] is not None]
    x, y = zip(*pairs)
    result = stats.pearsonr(x, y)
    print(f"q{item} {len(pairs)} {result.statistic} {result.pvalue}  (scipy.stats.pearsonr)")

# --- segments (AggregatorSegmentTests) ------------------------------------------------------
print("-- segments")
overall_share = k / len(left)
for dept in (0, 1, 2):
    group = [r for r in left if r[DEPT] == dept]
    rest = [r for r in left if r[DEPT] != dept]
    g_k, r_k = sum(r[LEFT] for r in group), sum(r[LEFT] for r in rest)
    _, p = proportions_ztest([g_k, r_k], [len(group), len(rest)])
    print(f"dept {dept}: {len(group)}, {g_k}, diff {g_k / len(group) - overall_share}, p {p}",
          f"(proportions_ztest([{g_k}, {r_k}], [{len(group)}, {len(rest)}]))", "wilson", wilson(g_k, len(group)))

scored = [r for r in ROWS if r[ENPS] is not None]
for value in (0, 1):
    group = [r[ENPS] for r in scored if r[LEFT] == value]
    rest = [r[ENPS] for r in scored if r[LEFT] != value]
    s, p = nps_p(group, rest)
    print(f"nps left {value} {len(group)} score {s} p {p}")

for value in (0, 1):
    group = [r for r in index_rows if r[LEFT] == value]
    rest = [r for r in index_rows if r[LEFT] != value]
    g_answers = [r[i] for r in group for i in ITEMS if r[i] is not None]
    r_answers = [r[i] for r in rest for i in ITEMS if r[i] is not None]
    g_share = sum(a >= 4 for a in g_answers) / len(g_answers)
    r_share = sum(a >= 4 for a in r_answers) / len(r_answers)
    # Respondents, not answers, as the sample size: successes are share x respondents.
    _, p = proportions_ztest([g_share * len(group), r_share * len(rest)], [len(group), len(rest)])
    print(f"likert idx left {value} {len(group)} {g_share} p {p} wilson {wilson(g_share * len(group), len(group))}")
    print(f"likert idx left {value} mean of answers {float(np.mean(g_answers))}")

for value in (0, 1):
    group = [r for r in typed if r[LEFT] == value]
    rest = [r for r in typed if r[LEFT] != value]
    g_k = sum(1 for r in group if r[TYPES] & 7)
    r_k = sum(1 for r in rest if r[TYPES] & 7)
    _, p = proportions_ztest([g_k, r_k], [len(group), len(rest)])
    print(f"atleast left {value} {len(group)} {g_k} p {p}")

# --- many comparisons: expected counts, Fisher's exact test (AggregatorSegmentTests) ---------
# A z-test is used only when every expected count of the group-against-rest 2x2 table is at least
# 5; else an unweighted share of respondents takes scipy.stats.fisher_exact (two-sided), and
# anything else is "too few to test". Shown rows' p-values are then adjusted within the table
# (statsmodels multipletests, fdr_bh / holm).
print("-- many comparisons")
from scipy.stats import fisher_exact
from statsmodels.stats.multitest import multipletests


def min_expected(a, b, c, d):
    total = a + b + c + d
    return min(r * col / total for r in (a + b, c + d) for col in (a + c, b + d))


dept_p = []
for dept in (0, 1):  # dept 2 (Operations, 4 < 5) is suppressed: no test
    group = [r for r in left if r[DEPT] == dept]
    rest = [r for r in left if r[DEPT] != dept]
    g_k, r_k = sum(r[LEFT] for r in group), sum(r[LEFT] for r in rest)
    table = [[g_k, len(group) - g_k], [r_k, len(rest) - r_k]]
    p = fisher_exact(table)[1]
    dept_p.append(p)
    print(f"dept {dept} table {table} min expected {min_expected(*table[0], *table[1])} fisher p {p}")
print("dept fdr_bh", list(multipletests(dept_p, method="fdr_bh")[1]), "holm", list(multipletests(dept_p, method="holm")[1]))
for value in (0, 1):
    group = [r[ENPS] for r in scored if r[LEFT] == value]
    rest = [r[ENPS] for r in scored if r[LEFT] != value]
    gp, rp = sum(x >= 9 for x in group), sum(x >= 9 for x in rest)
    print(f"nps left {value} promoters table min expected",
          min_expected(gp, len(group) - gp, rp, len(rest) - rp), "(< 5: too few to test)")
for value in (0, 1):
    group = [r for r in typed if r[LEFT] == value]
    rest = [r for r in typed if r[LEFT] != value]
    g_k = sum(1 for r in group if r[TYPES] & 7)
    r_k = sum(1 for r in rest if r[TYPES] & 7)
    table = [[g_k, len(group) - g_k], [r_k, len(rest) - r_k]]
    print(f"atleast left {value} table {table} min expected {min_expected(*table[0], *table[1])}",
          f"fisher p {fisher_exact(table)[1]}")
