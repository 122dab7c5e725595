#!/usr/bin/env python3
"""Reads an .xlsx with openpyxl and prints what a reader sees, as JSON, for WorkbookReportTests.

    python3 Tests/CandorReportTests/Scripts/dump_workbook.py FILE.xlsx

Output: {"sheets": [{"name", "freeze", "colour_scales": [ranges], "cells": {"A1": {"value",
"type", "format", "comment"}}}]}. Exits 3 when openpyxl is missing, so the test can skip.
"""
import json
import sys

try:
    import openpyxl
except ImportError:
    sys.exit(3)

book = openpyxl.load_workbook(sys.argv[1])
sheets = []
for sheet in book.worksheets:
    cells = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None and cell.comment is None:
                continue
            cells[cell.coordinate] = {
                "value": cell.value,
                "type": type(cell.value).__name__,
                "format": cell.number_format,
                "comment": cell.comment.text if cell.comment else None,
                "bold": bool(cell.font and cell.font.b),
            }
    scales = []
    for formatting in sheet.conditional_formatting:
        for rule in formatting.rules:
            if rule.type == "colorScale":
                scales.append(str(formatting.sqref))
    sheets.append({"name": sheet.title, "freeze": sheet.freeze_panes, "colour_scales": scales, "cells": cells})
print(json.dumps({"sheets": sheets}))
