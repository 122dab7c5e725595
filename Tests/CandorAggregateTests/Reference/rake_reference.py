#!/usr/bin/env python3
"""Reference for IterativeProportionalFittingTests: a numpy reimplementation of R's
survey::rake (successive post-stratification, margin by margin, until every margin's weighted
totals are within the tolerance). Run: python3 Tests/CandorAggregateTests/Reference/rake_reference.py"""
import numpy as np

n = np.array([[10, 5, 3], [4, 8, 6]], dtype=float)  # respondents per cell
rows = np.array([60.0, 40.0])  # roster margin of the first field
cols = np.array([30.0, 40.0, 30.0])  # roster margin of the second field
w = np.ones_like(n)
for sweep in range(1, 100):
    w *= (rows / (n * w).sum(1))[:, None]
    w *= (cols / (n * w).sum(0))[None, :]
    gap = max(abs((n * w).sum(1) - rows).max(), abs((n * w).sum(0) - cols).max())
    if gap < 1e-9:
        break
print("sweeps", sweep)
print(w.round(8))
