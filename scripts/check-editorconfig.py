#!/usr/bin/env python3
"""Checks every tracked text file against the .editorconfig that applies to it (./test runs this).

What is checked is what a formatter for each language may leave alone: the charset, line endings,
a final newline, trailing whitespace and tabs in the indentation. Indent sizes are the formatters'
job (Spotless, ruff format), which know where continuation lines may differ.

    scripts/check-editorconfig.py [FILE...]   (default: git ls-files)
"""

import pathlib
import subprocess
import sys

import editorconfig

ROOT = pathlib.Path(__file__).resolve().parents[1]


def problems(path, text, settings):
    """The violations of one file's settings, as (line number, message); 0 for the whole file."""
    found = []
    if settings.get("charset") == "utf-8":
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as e:
            return [(0, f"not UTF-8 ({e.reason} at byte {e.start})")]
    else:
        text = text.decode("utf-8", errors="replace")
    if settings.get("end_of_line") == "lf" and "\r" in text:
        found.append((0, "CR line endings (end_of_line = lf)"))
    if settings.get("insert_final_newline") == "true" and text and not text.endswith("\n"):
        found.append((0, "no newline at the end (insert_final_newline = true)"))
    trim = settings.get("trim_trailing_whitespace") == "true"
    spaces = settings.get("indent_style") == "space"
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if trim and line != line.rstrip(" \t"):
            found.append((number, "trailing whitespace (trim_trailing_whitespace = true)"))
        if spaces and line[: len(line) - len(line.lstrip(" \t"))].count("\t"):
            found.append((number, "a tab in the indentation (indent_style = space)"))
    return found


def main(argv):
    files = argv or subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    bad = 0
    checked = 0
    for name in filter(None, files):
        path = ROOT / name
        if not path.is_file():
            continue
        settings = editorconfig.get_properties(str(path))
        if all(settings.get(k) in (None, "unset") for k in ("charset", "end_of_line", "insert_final_newline")):
            continue  # a binary file: its section unsets everything
        checked += 1
        for number, message in problems(path, path.read_bytes(), settings):
            bad += 1
            print(f"{name}:{number}: {message}" if number else f"{name}: {message}")
    print(f"editorconfig: {checked} files checked, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
