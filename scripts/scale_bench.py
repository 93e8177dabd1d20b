#!/usr/bin/env python3
"""./bench --scale: the staff console's views at years of data, through the local runner.

Starts ./run with a history (50,000 requests over three years by default: the last month through
the domain services, copied back month by month, see HistoryCopies), signs in as a manager, then
times each view's API answer from this client (connection open, body read to the end) and reads
which DynamoDB calls it made and how many items they read from the runner's x-local-aws-calls and
x-local-dynamodb-items-read headers. Writes the table into docs/BENCHMARKS.md and
build/bench/scale.json. Figures from a shared 2-core machine are evidence, not a gate.
"""

import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import UTC, datetime, timedelta
from pathlib import Path

from harness import MarkersMissing, free_port, percentile, replace_marked, rewrite

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"
HEADING = "## Years of data (./bench --scale)"
BEGIN_MARKER, END_MARKER = "<!-- written by ./bench --scale", "<!-- end of ./bench --scale output -->"
PAGE_TARGET_MS, CSV_TARGET_S = 300, 10


def log(message):
    print(f"[scale] {message}", flush=True)


class Api:
    """One keep-alive connection to the runner, as the console's browser holds one."""

    def __init__(self, port):
        self.port = port
        self.token = None
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    def call(self, method, path, body=None):
        headers = {"content-type": "application/json"}
        if self.token:
            headers["authorization"] = f"Bearer {self.token}"
        started = time.perf_counter()
        self.connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        elapsed = time.perf_counter() - started
        return response.status, response.headers, payload, elapsed


def start_runner(args, port, moto_port):
    command = [
        str(ROOT / "run"),
        "--port",
        str(port),
        "--moto-port",
        str(moto_port),
        "--seed-requests",
        str(args.requests),
        "--seed-days",
        str(args.days),
    ]
    OUT.mkdir(parents=True, exist_ok=True)
    logfile = open(OUT / "scale-run.log", "w", encoding="utf-8")
    runner = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=logfile, text=True, start_new_session=True, cwd=ROOT
    )
    started = time.monotonic()
    seeded = None
    for line in runner.stdout:
        logfile.write(line)
        if "seeded" in line:
            seeded = re.sub(r"\x1b\[[0-9;]*m", "", line).strip()  # no terminal colours in the doc
            log(f"{seeded} in {time.monotonic() - started:.0f} s")
        if line.startswith("Press Ctrl-C"):
            break
    else:
        raise SystemExit(f"./run stopped before it was ready: see {OUT / 'scale-run.log'}")
    # Keep draining the runner's output so it never blocks on a full pipe.
    threading.Thread(target=lambda: [logfile.write(line) for line in runner.stdout], daemon=True).start()
    return runner, seeded, time.monotonic() - started


def stop_runner(runner):
    try:
        os.killpg(runner.pid, signal.SIGTERM)
        runner.wait(30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(runner.pid, signal.SIGKILL)


def measure(api, name, paths, runs, warmup):
    """Each path in turn (cycled), warmup answers dropped; the calls and items of the last answer."""
    times, statuses, sizes = [], set(), []
    calls, items = "", 0
    for n in range(warmup + runs):
        path = paths[n % len(paths)]
        status, headers, payload, elapsed = api.call("GET", path)
        statuses.add(status)
        if n >= warmup:
            times.append(elapsed * 1000)
            sizes.append(len(payload))
        calls = headers.get("x-local-aws-calls", "?")  # an HTTPMessage: names match in any case
        items = int(headers.get("x-local-dynamodb-items-read", "0"))
    row = {
        "view": name,
        "path": paths[0],
        "runs": runs,
        "p50Ms": percentile(times, 50),
        "p95Ms": percentile(times, 95),
        "maxMs": max(times),
        "statuses": sorted(statuses),
        "bytes": max(sizes),
        "calls": calls,
        "itemsRead": items,
        "scans": "Scan" in calls,
    }
    log(f"{name}: p50 {row['p50Ms']:.0f} ms, p95 {row['p95Ms']:.0f} ms; {calls}; {items} items; {row['statuses']}")
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=1095)
    parser.add_argument("--runs", type=int, default=40, help="timed answers per view (default 40)")
    parser.add_argument("--csv-runs", type=int, default=5)
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/BENCHMARKS.md")
    args = parser.parse_args()

    port, moto_port = free_port(), free_port()
    log(f"starting ./run with {args.requests} requests over {args.days} days (ports {port}, {moto_port})")
    runner, seeded, ready_s = start_runner(args, port, moto_port)
    try:
        rows, csv_rows = run_views(args, port)
    finally:
        stop_runner(runner)
    record(args, rows, csv_rows, seeded, ready_s)


def run_views(args, port):
    api = Api(port)
    status, _, payload, _ = api.call("POST", "/dev/login", {"role": "manager"})
    assert status == 200, payload
    api.token = json.loads(payload)["token"]
    today = datetime.now(UTC).date()
    year = f"from={today - timedelta(days=365)}&to={today}"

    # References to open: the newest of a year's list and a few copied months back.
    references = []
    cursor = None
    while len(references) < 60:
        query = f"/staff/requests?{year}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        status, _, payload, _ = api.call("GET", query)
        body = json.loads(payload)
        references += [item["reference"] for item in body["items"]]
        cursor = body.get("nextCursor")
        if not cursor:
            break
    references = references[::3][:20]
    # An older request's beneficiary: the history has one of their requests in every month.
    status, _, payload, _ = api.call("GET", f"/staff/requests/{references[-1]}")
    mobile = json.loads(payload)["mobile"]
    local_mobile = "0" + mobile.removeprefix("+966")

    views = [
        ("Queue, first page (open work, most overdue first)", ["/staff/requests?view=open"]),
        ("Queue filtered by status (open work waiting for review)", ["/staff/requests?view=open&status=in_review"]),
        (
            "Filtered view: one type and channel over a year",
            [f"/staff/requests?category=complaint&channel=phone&{year}"],
        ),
        ("Search by mobile", [f"/staff/requests?q={local_mobile}"]),
        ("Request page", [f"/staff/requests/{reference}" for reference in references]),
        ("Service report, 12 months", [f"/staff/reports/service?{year}"]),
        ("Satisfaction report, 12 months", [f"/staff/reports/satisfaction?{year}"]),
    ]
    rows = [measure(api, name, paths, args.runs, warmup=3) for name, paths in views]
    csv_views = [
        ("Requests CSV, a year", [f"/staff/exports/requests.csv?{year}&lang=ar"]),
        ("Survey answers CSV, a year", [f"/staff/exports/surveys.csv?{year}&lang=ar"]),
    ]
    csv_rows = [measure(api, name, paths, args.csv_runs, warmup=1) for name, paths in csv_views]
    for row in csv_rows:
        status, _, payload, _ = api.call("GET", row["path"])
        row["lines"] = payload.decode("utf-8").count("\n")
    return rows, csv_rows


def record(args, rows, csv_rows, seeded, ready_s):
    OUT.mkdir(parents=True, exist_ok=True)
    results = {
        "requests": args.requests,
        "days": args.days,
        "seeded": seeded,
        "readySeconds": ready_s,
        "views": rows,
        "exports": csv_rows,
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    (OUT / "scale.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    lines = [
        "| view | API call | p50 ms | p95 ms | target | DynamoDB calls (one answer) | items read | scans |",
        "|---|---|---:|---:|---|---|---:|---|",
    ]
    for row in rows:
        meets = "meets" if row["p95Ms"] < PAGE_TARGET_MS else "**misses**"
        lines.append(
            f"| {row['view']} | `GET {row['path']}` | {row['p50Ms']:.0f} | {row['p95Ms']:.0f} | "
            f"p95 < {PAGE_TARGET_MS} ms: {meets} | {row['calls']} | {row['itemsRead']} | "
            f"{'**yes**' if row['scans'] else 'none'} |"
        )
    for row in csv_rows:
        meets = "meets" if row["p95Ms"] < CSV_TARGET_S * 1000 else "**misses**"
        lines.append(
            f"| {row['view']} ({row['lines']} lines, {row['bytes'] / 1e6:.1f} MB) | `GET {row['path']}` | "
            f"{row['p50Ms']:.0f} | {row['p95Ms']:.0f} | whole file < {CSV_TARGET_S} s: {meets} | "
            f"{row['calls']} | {row['itemsRead']} | {'**yes**' if row['scans'] else 'none'} |"
        )
    table = "\n".join(lines)
    summary = (
        f"{seeded.removeprefix('seeded').strip() if seeded else '?'}; ready (build, start, seed) in "
        f"{ready_s / 60:.1f} min. {args.runs} timed answers per view ({args.csv_runs} per export) after warm-up, "
        f"one client, measured {results['at']}."
    )
    print(table)
    print(summary)
    if args.no_doc:
        return
    body = f"{BEGIN_MARKER}: the table and line below are replaced on every run -->\n{table}\n\n{summary}\n"
    try:
        rewrite(
            ROOT / "docs" / "BENCHMARKS.md", lambda text: replace_marked(text, HEADING, BEGIN_MARKER, END_MARKER, body)
        )
    except MarkersMissing:
        sys.exit("docs/BENCHMARKS.md: the ./bench --scale section lost its markers; restore them or delete it")


if __name__ == "__main__":
    main()
