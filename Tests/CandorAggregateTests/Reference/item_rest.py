#!/usr/bin/env python3
"""Item-rest (corrected item-total) correlations of the hand table in DriversItemRestTests.swift,
worked out without candor's code.

    python3 Tests/CandorAggregateTests/Reference/item_rest.py

Needs numpy and scipy (the test's values come from numpy 2.4.6 and scipy 1.17.1). The rest score
of an item is the mean of the *other* items of the block the respondent answered; a respondent
counts for an item when they answered it and at least one other item. The second part correlates
each item with a single number field (hours) as the outcome.
"""
from scipy import stats

M = None
# q1, q2, q3 (one block), hours (a number field)
ROWS = [
    [4, 5, 3, 7.5], [2, 2, 3, 3.25], [5, 4, 4, 8.0], [1, 2, 2, 2.5], [3, 3, 5, 6.0], [4, 4, 4, 6.5],
    [2, 1, 2, 1.0], [5, 5, 3, 9.25], [3, M, 4, 4.0], [M, 2, 3, M], [4, M, M, 5.5], [1, 3, 2, 2.0],
]

for item in range(3):
    xs, ys = [], []
    for row in ROWS:
        if row[item] is None:
            continue
        rest = [row[j] for j in range(3) if j != item and row[j] is not None]
        if not rest:
            continue
        xs.append(row[item])
        ys.append(sum(rest) / len(rest))
    result = stats.pearsonr(xs, ys)
    print(f"q{item + 1} item-rest: n={len(xs)} r={float(result.statistic)!r} p={float(result.pvalue)!r}")

for item in range(3):
    pairs = [(row[item], row[3]) for row in ROWS if row[item] is not None and row[3] is not None]
    result = stats.pearsonr([p[0] for p in pairs], [p[1] for p in pairs])
    print(f"q{item + 1} with hours: n={len(pairs)} r={float(result.statistic)!r} p={float(result.pvalue)!r}")
