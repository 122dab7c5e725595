#!/usr/bin/env python3
"""Recomputes every shown share row's test in a sample JSON report, without candor's code.

    python3 Tests/CandorPipelineTests/Reference/segment_tests.py Reports/bad-boss/bad-boss.json

For each one-way segment table of a `share` metric: the group against the rest of the
respondents is a 2x2 table; when an expected count is under 5 the p-value is
scipy.stats.fisher_exact's (two-sided), else statsmodels' proportions_ztest (pooled); the shown
rows' p-values are adjusted with statsmodels' multipletests(method="fdr_bh"), and a row is
significant when its adjusted p is under 0.05. Exits non-zero on the first disagreement; prints
the number of rows checked. Needs scipy and statsmodels.
"""
import json
import sys

from statsmodels.stats.proportion import proportions_ztest
from statsmodels.stats.multitest import multipletests
from scipy.stats import fisher_exact
rep = json.load(open(sys.argv[1]))
metrics = {m["id"]: m for m in rep["metrics"]}
checked = 0
for seg in rep["segments"]:
    m = metrics[seg["metric_id"]]
    if m["kind"] not in ("share",) or len(seg["fields"]) != 1: continue
    N, K = m["n"], m["count"]
    ps, idx = [], []
    for i, r in enumerate(seg["rows"]):
        if r["suppressed"]: continue
        n, k = r["n"], r["count"]; rn, rk = N - n, K - k
        t = [[k, n - k], [rk, rn - rk]]
        me = min(a * b / N for a in (n, rn) for b in (K, N - K))
        p = fisher_exact(t)[1] if me < 5 else proportions_ztest([k, rk], [n, rn])[1]
        assert abs(p - r["p_value"]) < 1e-6 * max(1, p) + 5e-7, (seg["name"], r["labels"], p, r["p_value"])
        assert r["test_used"] == ("fisher_exact" if me < 5 else "approximate")
        ps.append(p); idx.append(i)
    adj = multipletests(ps, method="fdr_bh")[1] if len(ps) > 1 else ps
    for i, a in zip(idx, adj):
        r = seg["rows"][i]
        assert abs(a - r["p_adjusted"]) < 1e-6, (seg["name"], r["labels"], a, r["p_adjusted"])
        assert r["significant"] == (a < 0.05)
        checked += 1
print(sys.argv[1], "rows checked:", checked)
