#!/usr/bin/env python3
"""Reference for RakingRunTests: the responses and roster the test writes, raked with a numpy
reimplementation of R's survey::rake (successive post-stratification on each margin in turn,
until every margin's weighted totals are within the tolerance), then the weighted share of
`happy`, the weighted mean of `score`, the weights' range and Kish's design effect.
Run: python3 Tests/CandorPipelineTests/Reference/rake_run.py"""
import numpy as np

depts, tenures = ["A", "B"], ["new", "old"]
# Respondents per (dept, tenure) cell, and how many of each cell answer happy = yes.
cells = {("A", "new"): (8, 6), ("A", "old"): (12, 4), ("B", "new"): (5, 3), ("B", "old"): (15, 9)}
roster_dept = {"A": 120, "B": 80}  # the roster's margins (200 people)
roster_tenure = {"new": 70, "old": 130}

rows = []  # (dept, tenure, happy, score), in the order the test writes them
for c, ((d, t), (n, yes)) in enumerate(cells.items()):
    for i in range(n):
        rows.append((d, t, i < yes, 1 + (3 * i + 2 * c) % 10))

n = np.array([[cells[(d, t)][0] for t in tenures] for d in depts], dtype=float)
rows_target = np.array([roster_dept[d] for d in depts], dtype=float)
cols_target = np.array([roster_tenure[t] for t in tenures], dtype=float)
w = np.ones_like(n)
for sweep in range(1, 51):
    w *= (rows_target / (n * w).sum(1))[:, None]
    w *= (cols_target / (n * w).sum(0))[None, :]
    gap = max(abs((n * w).sum(1) - rows_target).max(), abs((n * w).sum(0) - cols_target).max())
    if gap < 1e-6:
        break

weight = np.array([w[depts.index(d), tenures.index(t)] for d, t, _, _ in rows])
happy = np.array([h for _, _, h, _ in rows], dtype=float)
score = np.array([s for _, _, _, s in rows], dtype=float)
print("sweeps", sweep)
print("cell weights (A,new) (A,old) (B,new) (B,old)", [round(float(x), 6) for x in w.flatten()])
print("weighted share happy", round((weight * happy).sum() / weight.sum(), 6))
print("weighted mean score", round((weight * score).sum() / weight.sum(), 6))
print("unweighted share happy", round(happy.mean(), 6))
print("design effect", round(len(weight) * (weight**2).sum() / weight.sum() ** 2, 6))
print("effective n", round(weight.sum() ** 2 / (weight**2).sum(), 2))
print("weights min max", round(float(weight.min()), 6), round(float(weight.max()), 6))
