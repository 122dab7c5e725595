#!/usr/bin/env python3
"""The rejects file `RejectsWriterTests.writesExactBytes` expects, worked out with Python 3's csv
and json modules (csv.writer's default QUOTE_MINIMAL quotes exactly the cells holding , " CR or
LF; cells starting with = + - @ tab or CR get a leading ' against spreadsheet formulas):

    python3 Tests/CandorPipelineTests/Reference/rejects_rows.py

prints the file's text, then each of its lines as a Swift string literal, as pasted into
`expectedRows`. The rows are the test's `hostile` rejections.
"""
import csv, io, json
rows = [
  ["file","line","record","byte_offset","reason","column","field","message","raw_fields"],
  ["exports/q1.csv", 12, 11, 1834, "invalid_value", 3, "department",
   "exports/q1.csv:12: column 3 (department): \"=cmd|' /C calc'!A0\" is not an allowed value",
   ["r-17", "=cmd|' /C calc'!A0", "-1+1", "@SUM(A1)"]],
  ["=evil.csv", 1, 1, 0, "ragged_record", None, None,
   "-1+1 fields\nsecond line",
   ['He said "hi"', "multi\r\nline", "\ttabbed", "\rcr", "+plus", "Zoë, São Paulo", "日本語", "back\\slash", "ctl\x01\x1f\x7f"]],
  ["exports/q1.csv", 40, 38, 9000, "invalid_value", 7, "@SUM(A1)", "\tTabbed message", []],
]
def neutral(s):
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s
out = io.StringIO()
w = csv.writer(out, lineterminator="\r\n")  # QUOTE_MINIMAL: quotes , " \r \n
for i, r in enumerate(rows):
    if i == 0: w.writerow(r); continue
    cells = [str(c) if c is not None else "" for c in r[:8]] + [json.dumps(r[8], ensure_ascii=False, separators=(",", ":"))]
    w.writerow([neutral(c) for c in cells])
print(repr(out.getvalue()))
def swift(s):
    o = ""
    for ch in s:
        if ch == "\\": o += "\\\\"
        elif ch == '"': o += '\\"'
        elif ch == "\r": o += "\\r"
        elif ch == "\n": o += "\\n"
        elif ch == "\t": o += "\\t"
        elif ord(ch) < 0x20 or ord(ch) == 0x7f: o += "\\u{%02X}" % ord(ch)
        else: o += ch
    return '"' + o + '"'
for line in out.getvalue().split("\r\n")[:-1]:
    print("            " + swift(line) + ",")
