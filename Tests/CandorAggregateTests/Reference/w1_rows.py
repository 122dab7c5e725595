#!/usr/bin/env python3
"""The `W1Sample.rows` of W1AgreementTests.swift: 40 W1 responses encoded as cleaned values.

    python3 ../shared/bench/gen_survey.py 40 > w1_40.csv     # seed 7, from the package root
    python3 Tests/CandorAggregateTests/Reference/w1_rows.py w1_40.csv

prints the Swift rows literal, one response a line, to compare with (or paste over) the test's.
The encoding, as the test's schema declares it: department as its index in the generator's
DEPTS order; q01-q12 as points 1-5 (a label is its position on the agree scale plus one, a
digit is itself); eNPS as the number; bad_boss_types as a bitmask over the generator's BOSS
order, "None of these" being bit 8 (256); left, is_manager, promoted and wanted as 1 (yes) and
0 (no), M where blank; manager_id Mnnnn as the number nnnn.

The expected figures beside each check come from the C reference in ../shared/bench/peers/
run on the same file:

    cc -O2 -o c_libcsv_w1 ../shared/bench/peers/c_libcsv_w1.c -lcsv -lm
    ./c_libcsv_w1 w1_40.csv
"""
import csv
import sys

DEPTS = ["Engineering", "Sales", "Support", "Finance", "People", "Marketing", "Operations", "Legal"]
BOSS = ["Micromanager", "Absentee", "Credit taker", "Bully", "Indecisive",
        "Poor communicator", "Plays favourites", "Conflict avoider"]
LIKERT = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


def point(text):
    return LIKERT.index(text) + 1 if text in LIKERT else int(text)


def yes_no(text):
    return {"yes": "1", "no": "0", "": "M"}[text.lower()]


def types(text):
    mask = 0
    for option in filter(None, text.split(";")):
        mask |= 1 << (BOSS.index(option) if option in BOSS else len(BOSS))
    return mask


def encode(record):
    values = [str(DEPTS.index(record["department"]))]
    values += [str(point(record[f"q{i:02d}"])) for i in range(1, 13)]
    values += [record["enps"], str(types(record["bad_boss_types"]))]
    values += [yes_no(record[key]) for key in
               ("left_job_because_of_manager", "is_manager", "promoted_for_technical_skill", "wanted_to_manage")]
    values.append(str(int(record["manager_id"][1:])))
    return "[" + ", ".join(values) + "],"


with open(sys.argv[1], newline="") as file:
    for record in csv.DictReader(file):
        print("        " + encode(record))
