#!/usr/bin/env python3
"""Adds up what every runner in ./test reported: JUnit XML reports and node's TAP summaries."""

import pathlib
import re
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1])
passed = failed = skipped = 0
for report in root.glob("functions/*/target/*-reports/TEST-*.xml"):
    suite = ET.parse(report).getroot()
    tests, bad = int(suite.get("tests", 0)), int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skip = int(suite.get("skipped", 0))
    passed += tests - bad - skip
    failed += bad
    skipped += skip
for log in sys.argv[2:]:
    text = pathlib.Path(log).read_text(errors="replace") if pathlib.Path(log).exists() else ""
    # Python's unittest: "Ran N tests", then "OK" or "FAILED (failures=F, errors=E)".
    for ran in re.findall(r"^Ran (\d+) tests?", text, re.M):
        bad = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)", text))
        passed += int(ran) - bad
        failed += bad
    for name, value in re.findall(r"^# (pass|fail|skipped) (\d+)$", text, re.M):
        if name == "pass":
            passed += int(value)
        elif name == "fail":
            failed += int(value)
        else:
            skipped += int(value)
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
