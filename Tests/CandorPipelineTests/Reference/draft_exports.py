"""Writes the two hand-made exports DraftRunTests drafts from, into ../Fixtures/exports/.

Run from the repository root: python3 Tests/CandorPipelineTests/Reference/draft_exports.py
(seeded: the files come out byte for byte the same).
"""
import csv
import os
import random

random.seed(7)
here = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "exports")

# SurveyMonkey: two header rows, a checkbox question as one column per option, a satisfaction item, NPS.
rows = [
    ["Respondent ID", "Collector ID", "Start Date", "End Date", "Which of these does your team use?", "", "", "",
     "How satisfied are you with your manager?", "How likely are you to recommend us as an employer?", "Department"],
    ["", "", "", "", "Slack", "Email", "Video calls, weekly", "None of these", "Response", "Response", "Response"],
]
sat = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"]
depts = ["Sales", "Support", "Engineering"]
for i in range(24):
    chosen = [o if random.random() < 0.5 else "" for o in ["Slack", "Email", "Video calls, weekly"]]
    none = "None of these" if not any(chosen) else ""
    rows.append([str(114000000 + i * 37), "431000", "03/%02d/2026 09:%02d:31 AM" % (2 + i % 20, i),
                 "03/%02d/2026 10:%02d:02 AM" % (2 + i % 20, i)]
                + chosen + [none, sat[i % 5], str(i % 11), depts[i % 3]])
with open(os.path.join(here, "surveymonkey-checkboxes.csv"), "w", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)

# Google Forms (US locale): M/D/YYYY H:mm:ss timestamps, a grid of agree items, a multiselect joined by ", "
# with an option holding a comma, a yes/no question, a comment.
agree = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
opts = ["Flexible hours", "Pay, benefits and pensions", "Colleagues", "None of these"]
rows = [["Timestamp", "How much do you agree? [I have the tools I need]", "How much do you agree? [My work is recognised]",
         "What keeps you here? (select all that apply)", "Would you stay another year?", "Any comments?"]]
for i in range(30):
    pick = [o for o in opts[:3] if random.random() < 0.6] or ["None of these"]
    rows.append(["%d/%d/2026 %d:%02d:%02d" % (1 + i % 12, 1 + (i * 7) % 28, (i * 5) % 24, i, (i * 13) % 60),
                 agree[i % 5], agree[(i * 3) % 5], ", ".join(pick), "Yes" if i % 3 else "No",
                 "" if i % 4 else "Fine, thanks: no notes"])
with open(os.path.join(here, "google-forms-us.csv"), "w", newline="") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)

# Excel on Windows: "CSV (Comma delimited)" is Windows-1252, here with a curly apostrophe (0x92) and accents.
rows = [["Name", "Team", "Do you feel heard?", "Comment"]]
names = ["Zoë Müller", "José Núñez", "Anaïs Dupré", "Björn Ås"]
for i in range(12):
    rows.append([names[i % 4], ["Café", "Ops"][i % 2], ["Yes", "No"][i % 3 == 0], "" if i % 3 else "It’s fine"])
with open(os.path.join(here, "excel-windows-1252.csv"), "w", newline="", encoding="cp1252") as f:
    csv.writer(f, lineterminator="\r\n").writerows(rows)
