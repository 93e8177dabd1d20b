#!/usr/bin/env python3
"""The measuring half of ./bench (which builds, starts moto and provisions it first).

Every JVM is a fresh process started with the flags the java25 managed runtime passes for an
on-demand start, plus the function's own JAVA_TOOL_OPTIONS from template.yaml, and loads the
deployable jar the way the runtime does (functions/bench LambdaInvoke). Cold runs of all variants are
interleaved round by round, so drift on a shared machine spreads over all of them.
"""

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import time
import uuid
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

from harness import MarkersMissing, percentile, replace_marked, rewrite

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench"
BENCH = ROOT / "functions" / "bench" / "target"
JAVA = str(Path(os.environ["JAVA_HOME"]) / "bin" / "java")
INVOKER = str(BENCH / "lambda-invoker.jar")
HEADING = "## Cold start and warm latency (./bench)"
BEGIN_MARKER, END_MARKER = "<!-- written by ./bench", "<!-- end of ./bench output -->"
# Preferred sample per function: the success case; otherwise the first file of events/<module>/.
PREFERRED_EVENTS = ("valid.json", "found.json", "ok.json", "sample.json", "detail.json")
IDEMPOTENCY_KEY = re.compile(r'("idempotency-key"\s*:\s*")[^"]*(")')
SEEDED_PK = "REQ#MHF5Q2N7"  # the request events/lookup-request/found.json asks for (Provision stores it)
TARGET_NAIVE, TARGET_BASELINE, TARGET_WARM_OURS_P99_MS, TARGET_JAR_MB = 0.30, 6.0, 2.0, 12.0


def fail(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


def runtime_flags():
    """What the java25 runtime passes for an on-demand start (see docs/BENCHMARKS.md, "How")."""
    text = (ROOT / "template.yaml").read_text(encoding="utf-8")
    memory = int(re.search(r"^\s+MemorySize:\s*(\d+)", text, re.M).group(1))
    return [
        "-XX:+UseSerialGC",
        "-XX:+TieredCompilation",
        "-XX:TieredStopAtLevel=1",
        f"-XX:MaxHeapSize={int(memory * 1024 * 0.85)}k",
        "-Djava.net.preferIPv4Stack=true",
    ], memory


def module_of(handler):
    """The function module whose deployable jar holds the handler class."""
    entry = handler.split("::")[0].replace(".", "/") + ".class"
    for jar in sorted((ROOT / "functions").glob("*/target/*.jar")):
        module = jar.parent.parent.name
        if jar.name == f"{module}.jar" and module != "bench":
            with zipfile.ZipFile(jar) as z:
                if entry in z.namelist():
                    return module, jar
    return None, None


def sample_event(module):
    folder = ROOT / "events" / module
    if not folder.is_dir():
        return None
    files = sorted(folder.glob("*.json"))
    for name in PREFERRED_EVENTS:
        if (folder / name).exists():
            return folder / name
    return files[0] if files else None


def fresh_event(template_text, name):
    """A copy of the sample with a new idempotency key, so every submission takes the real path."""
    path = OUT / "events" / f"{name}-{uuid.uuid4().hex[:8]}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        IDEMPOTENCY_KEY.sub(lambda m: m.group(1) + str(uuid.uuid4()) + m.group(2), template_text), encoding="utf-8"
    )
    return path


def task_dir(name, jar):
    """The deployment zip's layout: lib/<jar> under a task root, as functions/Makefile builds it."""
    root = OUT / "task" / name
    (root / "lib").mkdir(parents=True, exist_ok=True)
    for old in (root / "lib").glob("*.jar"):
        old.unlink()
    target = root / "lib" / Path(jar).name
    target.write_bytes(Path(jar).read_bytes())
    return root


class RunFailed(Exception):
    pass


def run(cmd, env, timeout=120, soft=False):
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, timeout=timeout)
    took = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        if soft:
            lines = [
                line
                for line in done.stderr.decode(errors="replace").splitlines()
                if line.strip() and not line.startswith(("Picked up", "\tat "))
            ]
            raise RunFailed(lines[0][:160] if lines else f"exit {done.returncode}")
        fail(
            "a run failed:\n  "
            + " ".join(cmd)
            + "\n"
            + done.stderr.decode(errors="replace")[-2000:]
            + done.stdout.decode(errors="replace")[-1000:]
        )
    return took, done.stdout.decode(errors="replace")


def cleanup_command(endpoint, env):
    """Empties the function's table in moto (see scripts/bench_cleanup.py); nothing when it has none."""
    if "TABLE_NAME" not in env:
        return []
    return [
        str(ROOT / ".venv" / "moto" / "bin" / "python"),
        str(ROOT / "scripts" / "bench_cleanup.py"),
        endpoint,
        env["TABLE_NAME"],
        env["AWS_REGION"],
    ]


class Variant:
    def __init__(self, key, label, task, handler, env, event_text, status, flags, classpath=INVOKER, cache=None):
        self.key, self.label, self.task, self.handler, self.env = key, label, task, handler, env
        self.event_text, self.status, self.flags, self.classpath, self.cache = (
            event_text,
            status,
            flags,
            classpath,
            cache,
        )
        self.times = []

    def command(self, event, extra=()):
        cache = [f"-XX:AOTCache={self.cache}"] if self.cache and not extra else []
        return [
            JAVA,
            *self.flags,
            *extra,
            *cache,
            "-cp",
            self.classpath,
            "sa.mustafeed.bench.invoke.LambdaInvoke",
            str(self.task),
            self.handler,
            str(event),
            str(self.status),
        ]

    def train(self):
        if self.cache:
            Path(self.cache).unlink(missing_ok=True)
            run(self.command(fresh_event(self.event_text, self.key), [f"-XX:AOTCacheOutput={self.cache}"]), self.env)
            if not Path(self.cache).exists():
                fail(f"no AOT cache was written for {self.label}")

    def once(self):
        took, _ = run(self.command(fresh_event(self.event_text, self.key)), self.env)
        self.times.append(took)

    def figures(self):
        return {"median": statistics.median(self.times), "p90": percentile(self.times, 90), "runs": len(self.times)}


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "source") and a.get("src"):
            self.refs.append(a["src"])
        if (
            tag == "link"
            and a.get("href")
            and ({"stylesheet", "icon", "preload", "manifest"} & set((a.get("rel") or "").split()))
        ):
            self.refs.append(a["href"])


def site_transfer():
    """Bytes a first visit downloads per page (HTML + the local assets it references, fonts via CSS), gzip.
    Measured on the built site (build/site/, written by site/build/build.mjs), as it is served."""
    site = ROOT / "build" / "site"
    pages = {}
    for html in sorted(site.rglob("*.html")):
        seen, queue = set(), [html]
        parser = Refs()
        parser.feed(html.read_text(encoding="utf-8"))
        for ref in parser.refs:
            if re.match(r"^(https?:)?//|^data:", ref):
                continue
            path = (site / ref.lstrip("/")) if ref.startswith("/") else (html.parent / ref)
            queue.append(path.resolve())
        total_raw = total_gz = 0
        while queue:
            path = Path(str(queue.pop()).split("?")[0].split("#")[0])
            if path in seen or not path.is_file():
                continue
            seen.add(path)
            data = path.read_bytes()
            total_raw += len(data)
            compressible = path.suffix in (".html", ".css", ".js", ".json", ".svg", ".webmanifest")
            total_gz += len(gzip.compress(data, 6)) if compressible else len(data)
            if path.suffix == ".css":
                for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", data.decode("utf-8", "replace")):
                    if not re.match(r"^(https?:)?//|^data:", url):
                        queue.append(
                            ((site / url.lstrip("/")) if url.startswith("/") else (path.parent / url)).resolve()
                        )
        pages["/" + str(html.relative_to(site)).replace("index.html", "")] = {
            "raw": total_raw,
            "gzip": total_gz,
            "files": len(seen),
        }
    return pages


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warm", type=int, default=2000)
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/BENCHMARKS.md")
    parser.add_argument(
        "--priming",
        action="store_true",
        help="only measure what the SnapStart priming hook buys each function the template gives SnapStart (not in the default run)",
    )
    args = parser.parse_args()
    if args.runs < 10 or args.warm < 2000:
        fail("at least 10 cold runs and 2,000 warm invocations: the figures are medians and p90/p99")
    started = time.time()
    flags, memory = runtime_flags()
    base_env = dict(
        os.environ,
        AWS_ENDPOINT_URL=args.endpoint,
        AWS_ACCESS_KEY_ID="local",
        AWS_SECRET_ACCESS_KEY="local",
        AWS_REGION=os.environ.get("AWS_REGION", "me-south-1"),
    )
    base_env.pop("JAVA_TOOL_OPTIONS", None)
    (OUT / "aot").mkdir(parents=True, exist_ok=True)
    template_functions = json.loads((OUT / "functions.json").read_text(encoding="utf-8"))

    functions, skipped = [], []
    naive = {
        "SubmitRequestFunction": "sa.mustafeed.bench.naive.NaiveSubmitHandler",
        "LookupRequestFunction": "sa.mustafeed.bench.naive.NaiveLookupHandler",
    }
    for f in template_functions:
        module, jar = module_of(f["handler"])
        event = sample_event(module) if module else None
        if not module:
            skipped.append((f["logicalId"], "no built jar holds its handler"))
        elif not event:
            skipped.append((f["logicalId"], f"no sample in events/{module}/"))
        else:
            env = dict(base_env, **{k: v for k, v in f["environment"].items() if v != "" or k == "JAVA_TOOL_OPTIONS"})
            functions.append(dict(f, module=module, jar=jar, event=event, env=env))
    for required in naive:
        if required not in [f["logicalId"] for f in functions]:
            fail(f"{required} could not be benchmarked: " + dict(skipped).get(required, "not in template.yaml"))

    if args.priming:
        snap_started = [f for f in functions if f.get("snapStart")]
        for f in template_functions:
            if f.get("snapStart") and f["logicalId"] not in [s["logicalId"] for s in snap_started]:
                fail(
                    f"{f['logicalId']} has SnapStart but could not be measured: "
                    + dict(skipped).get(f["logicalId"], "?")
                )
        priming_effect(args, flags, base_env, snap_started)
        return

    results = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "flags": " ".join(flags),
        "memoryMB": memory,
        "java": subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()[1],
        "cores": os.cpu_count(),
        "functions": {},
        "skipped": skipped,
    }

    # Warm figures first: they also tell which status a correct cold run must answer. The API
    # functions must succeed; another function whose handler the invoker cannot drive (not a
    # RequestStreamHandler, or it needs more than moto offers) is listed as not benchmarked, with why.
    for f in list(functions):
        task = task_dir(f["module"], f["jar"])
        f["task"] = task
        out = OUT / f"warm-{f['module']}.json"
        print(f"[bench] warm: {f['module']} × {args.warm}", file=sys.stderr)
        try:
            run(
                [
                    JAVA,
                    *flags,
                    "-cp",
                    INVOKER,
                    "sa.mustafeed.bench.invoke.WarmLoop",
                    str(task),
                    str(BENCH / "sdk-timer.jar"),
                    f["handler"],
                    str(f["event"]),
                    str(args.warm),
                    str(out),
                    *(
                        [args.endpoint, f["env"]["TABLE_NAME"], f["env"]["AWS_REGION"], SEEDED_PK]
                        if "TABLE_NAME" in f["env"]
                        else []
                    ),
                ],
                f["env"],
                timeout=600,
                soft=f["logicalId"] not in naive,
            )
        except RunFailed as why:
            skipped.append(
                (f["logicalId"], f"its handler could not be driven with events/{f['module']}/{f['event'].name}: {why}")
            )
            functions.remove(f)
            continue
        f["warm"] = json.loads(out.read_text())
        f["text"] = f["event"].read_text(encoding="utf-8")

    baseline_task = task_dir("baseline", BENCH / "baseline-handler.jar")
    naive_task = task_dir("naive", BENCH / "naive-peer.jar")
    any_event = functions[0]["text"]
    variants = [
        Variant(
            "baseline",
            "baseline",
            baseline_task,
            "sa.mustafeed.bench.baseline.BaselineHandler",
            base_env,
            any_event,
            200,
            flags,
        ),
        Variant(
            "baseline-aot",
            "baseline + AOT cache",
            baseline_task,
            "sa.mustafeed.bench.baseline.BaselineHandler",
            base_env,
            any_event,
            200,
            flags,
            cache=OUT / "aot" / "baseline.aot",
        ),
    ]
    for f in functions:
        m, status = f["module"], f["warm"]["status"]
        # Every function cold as deployed (no AOT cache ships to Lambda). The AOT-cache routes are
        # measured on the two API functions, which have naive peers to compare with: the other
        # functions' figures told the same story in earlier runs and cost a minute of the ten.
        f["variants"] = {"ours": Variant(f"{m}", f"{m}", f["task"], f["handler"], f["env"], f["text"], status, flags)}
        if f["logicalId"] in naive:
            f["variants"].update(
                {
                    "ours-aot": Variant(
                        f"{m}-aot",
                        f"{m} + AOT cache",
                        f["task"],
                        f["handler"],
                        f["env"],
                        f["text"],
                        status,
                        flags,
                        cache=OUT / "aot" / f"{m}.aot",
                    ),
                    "ours-aot-cp": Variant(
                        f"{m}-aot-cp",
                        f"{m} + AOT cache, jar on the class path",
                        f["task"],
                        f["handler"],
                        f["env"],
                        f["text"],
                        status,
                        flags,
                        classpath=INVOKER + os.pathsep + str(next((f["task"] / "lib").glob("*.jar"))),
                        cache=OUT / "aot" / f"{m}-classpath.aot",
                    ),
                    "naive": Variant(
                        f"{m}-naive",
                        f"{m} naive peer",
                        naive_task,
                        naive[f["logicalId"]],
                        f["env"],
                        f["text"],
                        status,
                        flags,
                    ),
                }
            )
        variants += f["variants"].values()

    for v in variants:
        print(f"[bench] AOT training run: {v.label}" if v.cache else f"[bench] first run: {v.label}", file=sys.stderr)
        v.train() if v.cache else v.once()
        v.times.clear()
    tables = {tuple(cleanup_command(args.endpoint, f["env"])) for f in functions} - {()}
    for i in range(args.runs):
        print(f"[bench] cold round {i + 1}/{args.runs}", file=sys.stderr)
        for command in tables:  # every round starts from the same table size
            run(list(command), base_env)
        for v in variants:
            v.once()

    base, base_aot = variants[0].figures(), variants[1].figures()
    results["baseline"], results["baselineAot"] = base, base_aot
    for f in functions:
        v = {k: x.figures() for k, x in f["variants"].items()}
        size = f["jar"].stat().st_size
        with zipfile.ZipFile(f["jar"]) as z:
            services = sorted(
                {
                    n.split("/")[4]
                    for n in z.namelist()
                    if n.startswith("software/amazon/awssdk/services/") and n.count("/") > 4
                }
            )
        entry = {
            "module": f["module"],
            "event": str(f["event"].relative_to(ROOT)),
            "cold": v,
            "warm": f["warm"],
            "jarMB": size / 1e6,
            "sdkServices": services,
        }
        if "naive" in v:
            entry["naiveJarMB"] = (BENCH / "naive-peer.jar").stat().st_size / 1e6
        results["functions"][f["logicalId"]] = entry

    print("[bench] jackson-jr vs databind, site transfer sizes", file=sys.stderr)
    cp = str(BENCH / "classes") + os.pathsep + (BENCH / "runtime-classpath.txt").read_text().strip()
    json_rows = {}
    for lib in ("jr", "databind"):
        rounds = [
            json.loads(
                run(
                    [JAVA, *flags, "-cp", cp, "sa.mustafeed.bench.JsonComparison", lib, str(functions[0]["event"])],
                    base_env,
                )[1]
            )
            for _ in range(5)
        ]
        json_rows[lib] = {
            "firstUseMs": statistics.median(r["firstUseMs"] for r in rounds),
            "warmUsPerEvent": statistics.median(r["warmUsPerEvent"] for r in rounds),
        }
    results["json"] = json_rows
    results["site"] = site_transfer()
    results["seconds"] = round(time.time() - started)

    missing = check(results, functions)
    (OUT / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    table = markdown(results)
    print(table)
    print(summary(results))
    if not args.no_doc and not missing:
        write_doc(table, summary(results))
    if missing:
        fail("missing figures: " + ", ".join(missing))


def priming_effect(args, flags, base_env, functions, jvms=5, invocations=250):
    """Fresh JVMs with SnapStart's compilation (full tiered: no TieredStopAtLevel), each timing the
    first invocations after init, alternately without and with the priming hook run as before a
    snapshot (PrimingEffect). Prints a table; figures are medians over the JVMs."""
    snap_flags = [f for f in flags if not f.startswith("-XX:TieredStopAtLevel")]
    rows = []
    for f in functions:
        task = task_dir(f["module"], f["jar"])
        runs = {False: [], True: []}
        for i in range(jvms * 2):
            primed = i % 2 == 1
            env = dict(f["env"], **({"AWS_LAMBDA_INITIALIZATION_TYPE": "snap-start"} if primed else {}))
            cleanup = cleanup_command(args.endpoint, f["env"])
            if cleanup:
                run(cleanup, base_env)
            print(
                f"[bench] priming: {f['module']} {'with' if primed else 'without'} the hook, JVM {i // 2 + 1}/{jvms}",
                file=sys.stderr,
            )
            _, out = run(
                [
                    JAVA,
                    *snap_flags,
                    "-cp",
                    INVOKER,
                    "sa.mustafeed.bench.invoke.PrimingEffect",
                    str(task),
                    str(BENCH / "sdk-timer.jar"),
                    f["handler"],
                    str(f["event"]),
                    str(invocations),
                ],
                env,
                timeout=300,
            )
            runs[primed].append(json.loads(out.strip().splitlines()[-1]))
        for primed in (False, True):
            r = runs[primed]
            med = {
                k: statistics.median(x[k] for x in r)
                for k in ("primingMs", "firstMs", "firstOursMs", "p50Ms", "p99Ms", "oursP50Ms", "oursP99Ms")
            }
            rows.append(
                f"| {f['module']} | {'1,000 rounds' if primed else 'none'} | {med['primingMs']:,.0f} | "
                f"{med['firstMs']:.1f} | {med['firstOursMs']:.1f} | {med['p50Ms']:.1f} | {med['p99Ms']:.1f} | "
                f"{med['oursP50Ms']:.2f} | {med['oursP99Ms']:.2f} |"
            )
    print(
        f"Priming: {jvms} fresh JVMs per row, `{' '.join(snap_flags)}`, first {invocations} invocations after "
        f"init against moto (ms, medians over the JVMs)\n"
    )
    print(
        "| function | priming before the snapshot | priming took | first | first, ours | p50 | p99 | ours p50 | ours p99 |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


def check(results, functions):
    missing = []
    for key in ("baseline", "baselineAot"):
        if not results[key]["runs"]:
            missing.append(key)
    for fid, f in results["functions"].items():
        for variant, fig in f["cold"].items():
            if not fig["runs"] or fig["median"] <= 0:
                missing.append(f"{fid} cold {variant}")
        for key in (
            "p50Ms",
            "p99Ms",
            "oursP50Ms",
            "oursP99Ms",
            "oursP99LastHalfMs",
            "oursP99WithoutCollectionMs",
            "collections",
            "allocatedKBPerInvocation",
            "heapAfterFirstMB",
        ):
            if f["warm"].get(key) is None:
                missing.append(f"{fid} warm {key}")
    if not results["site"]:
        missing.append("site pages")
    return missing


def ms(x):
    return f"{x:,.0f}"


def markdown(r):
    b, ba = r["baseline"], r["baselineAot"]
    lines = [
        f"Latest run: {r['date']}, {r['java']}, {r['cores']} cores, moto on loopback; every JVM started with "
        f"`{r['flags']}` (the java25 runtime's on-demand flags for {r['memoryMB']} MB) and the function's own "
        f"`JAVA_TOOL_OPTIONS`; {b['runs']} fresh JVMs per cold figure, interleaved; whole run {r['seconds']} s.",
        "",
        "### Cold start: fresh JVM, runtime-style class loading, static init, one real event end to end (ms)",
        "",
        "| function | variant | median | p90 | ÷ baseline (same flags) | ÷ naive peer |",
        "|---|---|---:|---:|---:|---:|",
        f"| – | baseline handler (constant answer) | {ms(b['median'])} | {ms(b['p90'])} | 1.0 | – |",
        f"| – | baseline handler + AOT cache | {ms(ba['median'])} | {ms(ba['p90'])} | 1.0 | – |",
    ]
    for _fid, f in r["functions"].items():
        c = f["cold"]
        naive = c.get("naive", {}).get("median")
        rows = [
            ("naive", "naive peer (SDK defaults, databind, events POJOs)", b),
            ("ours", "ours, no AOT cache", b),
            ("ours-aot", "ours + AOT cache (runtime class loader)", ba),
            ("ours-aot-cp", "ours + AOT cache, jar on the system class path", ba),
        ]
        for key, label, floor in rows:
            if key in c:
                ratio_naive = f"{c[key]['median'] / naive:.2f}×" if naive and key != "naive" else "–"
                lines.append(
                    f"| {f['module']} | {label} | {ms(c[key]['median'])} | {ms(c[key]['p90'])} | "
                    f"{c[key]['median'] / floor['median']:.1f}× | {ratio_naive} |"
                )
    lines += [
        "",
        "### Warm: one JVM, invocations after the first (ms), jar and heap",
        "",
        "| function | invocations (failed) | p50 | p99 | ours p50 | ours p99 | ours p99, second half | "
        "ours p99, no collection in the invocation | collections | allocated / invocation | "
        "SDK calls / invocation | first invocation | heap after first | jar | SDK services in jar |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for _fid, f in r["functions"].items():
        w = f["warm"]
        lines.append(
            f"| {f['module']} | {w['n']:,} ({w['errors']}) | {w['p50Ms']:.2f} | {w['p99Ms']:.2f} | {w['oursP50Ms']:.2f} | "
            f"{w['oursP99Ms']:.2f} | {w['oursP99LastHalfMs']:.2f} | {w['oursP99WithoutCollectionMs']:.2f} | {w['collections']} | "
            f"{w['allocatedKBPerInvocation']:,.0f} KB | {w['sdkCallsPerInvocation']:.0f} | {w['firstInvokeMs']:.0f} | "
            f"{w['heapAfterFirstMB']:.1f} MB | {f['jarMB']:.1f} MB | {', '.join(f['sdkServices'])} |"
        )
    naive_jar = next((f["naiveJarMB"] for f in r["functions"].values() if "naiveJarMB" in f), None)
    if naive_jar:
        lines += ["", f"Naive peer jar (both handlers, Apache client, databind, events library): {naive_jar:.1f} MB."]
    j = r["json"]
    lines += [
        "",
        "### jackson-jr against jackson-databind (read event, read body, write answer; fresh JVM, median of 5)",
        "",
        "| library | first use, set-up included (ms) | warm per event (µs) |",
        "|---|---:|---:|",
        f"| jackson-jr (used) | {j['jr']['firstUseMs']:.0f} | {j['jr']['warmUsPerEvent']:.1f} |",
        f"| jackson-databind | {j['databind']['firstUseMs']:.0f} | {j['databind']['warmUsPerEvent']:.1f} |",
        "",
        "### Site: bytes a first visit downloads per page (HTML + local CSS, JS, images, fonts)",
        "",
        "| page | files | raw | gzip (text) |",
        "|---|---:|---:|---:|",
    ]
    for page, s in r["site"].items():
        lines.append(f"| `{page}` | {s['files']} | {s['raw'] / 1024:,.0f} KiB | {s['gzip'] / 1024:,.0f} KiB |")
    if r["skipped"]:
        lines += ["", "Not benchmarked: " + "; ".join(f"{fid} ({why})" for fid, why in r["skipped"]) + "."]
    return "\n".join(lines)


def summary(r):
    parts = []
    for _fid, f in r["functions"].items():
        c = f["cold"]
        if "naive" not in c:
            continue
        best = c["ours-aot"]
        parts.append(
            f"{f['module']} {ms(best['median'])} ms cold with the AOT cache = "
            f"{best['median'] / c['naive']['median']:.2f}× naive, {best['median'] / r['baselineAot']['median']:.1f}× baseline "
            f"({ms(c['ours-aot-cp']['median'])} ms = {c['ours-aot-cp']['median'] / c['naive']['median']:.2f}× / "
            f"{c['ours-aot-cp']['median'] / r['baselineAot']['median']:.1f}× with the jar on the class path), "
            f"warm ours p99 {f['warm']['oursP99Ms']:.2f} ms ({f['warm']['oursP99LastHalfMs']:.2f} ms over the last half), jar {f['jarMB']:.1f} MB"
        )
    return "Summary: " + "; ".join(parts) + "."


def write_doc(table, line):
    """Replaces the generated part of the ./bench section; the prose around the markers stays."""
    body = f"{BEGIN_MARKER}: the table and summary below are replaced on every run -->\n{table}\n\n{line}\n"
    try:
        rewrite(
            ROOT / "docs" / "BENCHMARKS.md", lambda text: replace_marked(text, HEADING, BEGIN_MARKER, END_MARKER, body)
        )
    except MarkersMissing:
        fail("docs/BENCHMARKS.md: the ./bench section lost its markers; restore them or delete the section")


if __name__ == "__main__":
    main()
