#!/usr/bin/env python3
"""Candor's benchmark: W1 (../shared/bench/peers/README.md) and ingest alone, side by side with
the peers, alternating runs, medians and pair-by-pair ratios.

usage: scripts/bench [--rows 1000000 3000000] [--runs 5] [--only w1|ingest|targets] [--skip-peers]

After the tables, the targets Candor is held to against itself: peak memory against 32 MiB + 16
bytes per respondent, 3M rows against 1M, the file's n/9 managers against 1,000 (the same rows
with their manager ids folded), and two threads against one (the tables' paired ratio).

Every command is timed as a whole process (fork/exec/wait4): wall time, user time and peak RSS.
Runs alternate A B C … A B C … so a drift of the shared machine hits every tool alike; the
ratio Candor/peer is taken within each round, and its median reported.
"""
import argparse, json, os, resource, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench"))
WORK = os.environ.get("CANDOR_BENCH_DIR", "/tmp/candor-bench")
CANDOR = os.path.join(ROOT, ".build", "release", "candor")


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def warm(path):
    """Reads `path` through, untimed, so the run after it finds the file in the page cache: a
    memory manager that reclaims cold pages (DAMON on the development machine evicts a file
    within a minute) would otherwise have some runs read it from disk and others not. Through
    one small buffer: a child's peak RSS starts from this process's at the fork, so growing it
    would raise every tool's figure."""
    buffer = bytearray(256 << 10)
    with open(path, "rb", buffering=0) as file:
        while file.readinto(buffer):
            pass


def timed(argv, env=None):
    """Runs argv once, its CSV input warmed first; returns (wall s, user s, sys s, peak RSS MiB,
    exit code)."""
    for arg in argv[1:]:
        if arg.endswith(".csv") and os.path.isfile(arg):
            warm(arg)
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(argv, stdout=devnull, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.stderr.close()
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss / 1024.0, code


def prepare(rows_list):
    os.makedirs(os.path.join(WORK, "bin"), exist_ok=True)
    for name, extra in (("c_libcsv_parse", []), ("c_libcsv_w1", ["-lm"])):
        out = os.path.join(WORK, "bin", name)
        if not os.path.exists(out):
            sh(["cc", "-O2", "-o", out, os.path.join(SHARED, "peers", name + ".c"), "-lcsv"] + extra)
    files = {}
    for rows in rows_list:
        path = os.path.join(WORK, f"s{rows}.csv")
        if not os.path.exists(path):
            print(f"generating {rows} rows …", file=sys.stderr)
            with open(path + ".tmp", "wb") as out:
                sh([sys.executable, os.path.join(SHARED, "gen_survey.py"), str(rows)], stdout=out)
            os.rename(path + ".tmp", path)
        files[rows] = path
    return files


def few_managers(path, managers=1000):
    """`path` with its manager ids folded onto `managers` distinct ones (same rows otherwise):
    the scaling check compares it with the file's own n/9 managers."""
    out = path.replace(".csv", f"-m{managers}.csv")
    if not os.path.exists(out):
        print(f"writing {os.path.basename(out)} …", file=sys.stderr)
        import csv
        with open(path, newline="") as source, open(out + ".tmp", "w", newline="") as target:
            reader, writer = csv.reader(source), csv.writer(target, lineterminator="\r\n")
            header = next(reader)
            column = header.index("manager_id")
            writer.writerow(header)
            for row in reader:
                if len(row) > column:
                    row[column] = f"M{int(row[column][1:]) % managers:04d}"
                writer.writerow(row)
        os.rename(out + ".tmp", out)
    return out


def commands(kind, path, skip_peers):
    peers = os.path.join(SHARED, "peers")
    out = os.path.join(WORK, "out")
    if kind == "ingest":
        cmds = [("candor ingest (2 threads)", [CANDOR, "inspect", "--count-only", path], None),
                ("candor ingest (1 thread)", [CANDOR, "inspect", "--count-only", "--single-threaded", path], None),
                ("c_libcsv_parse", [os.path.join(WORK, "bin", "c_libcsv_parse"), path], None)]
        return cmds
    cmds = [("candor W1 (2 threads)", [CANDOR, "run", "Benchmarks/bench-w1.yml", "--input", path, "--output", out], None),
            ("candor W1 (1 thread)", [CANDOR, "run", "Benchmarks/bench-w1.yml", "--input", path, "--output", out + "-1t", "--single-threaded"], None),
            ("c_libcsv_w1", [os.path.join(WORK, "bin", "c_libcsv_w1"), path], None)]
    if not skip_peers:
        env2 = dict(os.environ, POLARS_MAX_THREADS="2")
        cmds += [("polars (2 threads)", [sys.executable, os.path.join(peers, "polars_w1.py"), path], env2),
                 ("duckdb (2 threads)", [sys.executable, os.path.join(peers, "duckdb_w1.py"), "--threads", "2", path], None),
                 ("pandas", [sys.executable, os.path.join(peers, "pandas_w1.py"), path], None)]
    return cmds


def bench(kind, path, runs, skip_peers):
    cmds = commands(kind, path, skip_peers)
    size_mb = os.path.getsize(path) / 1e6
    for _, argv, env in cmds:  # warm-up: page cache, and a failing command fails here
        result = timed(argv, env)
        if result[4] != 0:
            raise SystemExit(f"{argv} exited {result[4]}")
    samples = {name: [] for name, _, _ in cmds}
    for _ in range(runs):
        for name, argv, env in cmds:
            samples[name].append(timed(argv, env))
    candor = cmds[0][0]
    print(f"\n### {kind}, {os.path.basename(path)} ({size_mb:.0f} MB), median of {runs} alternating runs\n")
    print("| tool | wall (s) | user (s) | peak RSS (MiB) | MB/s | candor ÷ tool (wall, paired) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, _, _ in cmds:
        rows = samples[name]
        wall = statistics.median(r[0] for r in rows)
        user = statistics.median(r[1] for r in rows)
        rss = statistics.median(r[3] for r in rows)
        ratio = paired(samples[candor], rows)
        print(f"| {name} | {wall:.2f} | {user:.2f} | {rss:.0f} | {size_mb / wall:.0f} | {ratio:.2f} |")
    return samples


def paired(a, b):
    """Median of the wall-time ratios a/b, run by run."""
    return statistics.median(x[0] / y[0] for x, y in zip(a, b))


def scaling(files, runs):
    """The targets that compare Candor with itself: memory against 32 MiB + 16 B per respondent,
    3M rows against 1M, n/9 managers against 1k, two threads against one."""
    print("\n### Targets against itself\n")
    w1 = lambda path: [CANDOR, "run", "Benchmarks/bench-w1.yml", "--input", path, "--output", os.path.join(WORK, "out")]
    smallest = min(files)
    many, few = files[smallest], few_managers(files[smallest])
    for _ in range(1):  # warm-up
        timed(w1(few))
    pairs = [(timed(w1(many)), timed(w1(few))) for _ in range(runs)]
    print(f"- {smallest // 9:,} managers ÷ 1,000 managers, {smallest:,} rows: {paired([p[0] for p in pairs], [p[1] for p in pairs]):.2f} (target ≤ 1.20)")
    # Sizes alternate round by round, and the C reference runs beside them: its own ratio shows
    # how much of the growth is the machine's (memory bandwidth, the page cache) rather than Candor's.
    c = lambda path: [os.path.join(WORK, "bin", "c_libcsv_w1"), path]
    results = {rows: {"candor": [], "c": []} for rows in files}
    for _ in range(runs):
        for rows, path in sorted(files.items()):
            results[rows]["candor"].append(timed(w1(path)))
            results[rows]["c"].append(timed(c(path)))
    for rows in sorted(files):
        rss = statistics.median(r[3] for r in results[rows]["candor"])
        limit = 32 + 16 * rows / 2**20
        print(f"- peak RSS at {rows:,} rows: {rss:.0f} MiB (target ≤ {limit:.0f} MiB = 32 MiB + 16 B × {rows:,})")
    if len(files) > 1:
        low, high = min(files), max(files)
        def growth(tool):
            wall = lambda rows: statistics.median(r[0] for r in results[rows][tool])
            return wall(high) / wall(low)
        print(f"- {high:,} rows ÷ {low:,} rows, wall: {growth('candor'):.2f} (target ≤ {3.1 * high / low / 3:.2f};"
              f" c_libcsv_w1 in the same rounds: {growth('c'):.2f})")


def agreement(path):
    """Candor's W1 figures against the C reference's, to the sixth decimal."""
    out = os.path.join(WORK, "out")
    sh([CANDOR, "run", "Benchmarks/bench-w1.yml", "--input", path, "--output", out])
    report = json.load(open(os.path.join(out, "bench-w1.json")))
    ref = json.loads(subprocess.run([os.path.join(WORK, "bin", "c_libcsv_w1"), path], check=True, capture_output=True).stdout)
    metrics = {m["id"]: m for m in report["metrics"]}
    checks = [("rows_valid", report["accounting"]["accepted"], ref["rows_valid"]),
              ("rows_invalid", report["accounting"]["rejected"], ref["rows_invalid"]),
              ("share_any_bad_boss", metrics["share_any_bad_boss"]["value"], ref["share_any_bad_boss"]),
              ("share_left_because_of_manager", metrics["share_left_because_of_manager"]["value"], ref["share_left_because_of_manager"]),
              ("managers_n", metrics["wrong_pick_share"]["n"], ref["managers_n"]),
              ("wrong_pick_share", metrics["wrong_pick_share"]["value"], ref["wrong_pick_share"]),
              ("eta_squared_manager", metrics["eta_squared_manager"]["value"], ref["eta_squared_manager"])]
    options = {o["label"]: o["value"] for o in metrics["bad_boss_type_share"]["detail"]["options"]}
    checks += [(f"bad_boss_type_share.{k}", options.get(k), v) for k, v in ref["bad_boss_type_share"].items()]
    items = {i["label"]: i["favourable"]["value"] for i in metrics["favourable_share"]["detail"]["items"]}
    checks += [(f"favourable_share.{k}", items.get(k), v) for k, v in ref["favourable_share"].items()]
    segment = next(s for s in report["segments"] if s["metric_id"] == "favourable_share")
    rows = {r["labels"][0]: r for r in segment["rows"]}
    for dept, value in ref["departments"].items():
        checks.append((f"departments.{dept}.n", rows[dept]["n"], value["n"]))
        checks.append((f"departments.{dept}.favourable_share", rows[dept]["value"], value["favourable_share"]))
    failures = []
    for name, ours, theirs in checks:
        same = ours == theirs if isinstance(theirs, int) else (ours is not None and f"{ours:.6f}" == f"{theirs:.6f}")
        if not same:
            failures.append(f"{name}: candor {ours} vs C {theirs}")
    # eNPS is reported in points with 2 decimals; it must agree to that rounding.
    if f"{metrics['enps']['value']:.2f}" != f"{ref['enps']:.2f}":
        failures.append(f"enps: candor {metrics['enps']['value']} vs C {ref['enps']}")
    print(f"\nW1 agreement with c_libcsv_w1 on {os.path.basename(path)}: {len(checks) + 1 - len(failures)} of {len(checks) + 1} figures equal")
    for failure in failures:
        print("  DIFFER " + failure)
    return not failures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[1000000, 3000000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=["w1", "ingest", "targets"])
    parser.add_argument("--skip-peers", action="store_true")
    args = parser.parse_args()
    os.chdir(ROOT)
    files = prepare(args.rows)
    ok = agreement(files[args.rows[0]])
    for rows in args.rows:
        if args.only in (None, "w1"):
            bench("w1", files[rows], args.runs, args.skip_peers)
        if args.only in (None, "ingest"):
            bench("ingest", files[rows], args.runs, True)
    if args.only in (None, "targets"):
        scaling(files, args.runs)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
