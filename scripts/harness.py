"""What ./stress (scripts/stress.py) and ./bench (scripts/bench.py) share.

A free loopback port, waiting until a server answers, moto started and stopped as a child process,
nearest-rank percentiles, and rewriting one section of docs/BENCHMARKS.md while leaving the rest of
the file as it was. Standard library only: bench.py runs on the machine's python3, stress.py in the
moto venv. Tested by tests/scripts/test_harness.py.
"""

import http.client
import math
import os
import pathlib
import re
import socket
import subprocess
import time

LOOPBACK = "127.0.0.1"  # every server these scripts start binds here only


def free_port():
    """A TCP port nothing listens on now (the OS picks it; a race with another process is possible)."""
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def wait_http(port, path, seconds):
    """True once GET path on the port answers below 500, False after `seconds` without that."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        c = http.client.HTTPConnection(LOOPBACK, port, timeout=2)
        try:
            c.request("GET", path)
            if c.getresponse().status < 500:
                return True
        except OSError:
            pass
        finally:
            c.close()
        time.sleep(0.2)
    return False


class Moto:
    """moto's server (scripts/moto_server.py through lib.sh's launcher) as a child process on one port.

    start() may be called again after stop(): the server comes back on the same port, empty.
    """

    def __init__(self, server, port, logfile, seconds=60):
        self.server, self.port, self.logfile, self.seconds, self.process = server, port, logfile, seconds, None

    def start(self):
        with open(self.logfile, "ab") as out:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [self.server, "-H", LOOPBACK, "-p", str(self.port)], stdout=out, stderr=subprocess.STDOUT
            )
        if not wait_http(self.port, "/moto-api/", self.seconds):
            self.stop()
            raise SystemExit("moto did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def endpoint(self):
        return f"http://{LOOPBACK}:{self.port}"


class StandIns:
    """The messaging providers' WireMock stand-ins (tests/stand-ins/<provider>/), one child process each
    on a free loopback port, posting their delivery reports to the runner on `callback_port`; what
    scripts/lib.sh start_stand_ins does for ./run and ./test. The webhook token reaches WireMock in
    JDK_JAVA_OPTIONS, not on its command line."""

    PROVIDERS = ("unifonic", "whatsapp")

    def __init__(self, jar, root, callback_port, logdir, token, seconds=60):
        self.jar, self.root, self.callback_port, self.logdir = (
            jar,
            pathlib.Path(root),
            callback_port,
            pathlib.Path(logdir),
        )
        self.token, self.seconds, self.processes, self.ports = token, seconds, {}, {}

    def command(self, provider, port):
        return [
            "java",
            "-Xmx192m",
            "-XX:TieredStopAtLevel=1",
            f"-Dmustafeed.standIn.callbackBase=http://{LOOPBACK}:{self.callback_port}",
            "-jar",
            str(self.jar),
            "--bind-address",
            LOOPBACK,
            "--port",
            str(port),
            "--root-dir",
            str(self.root / "tests" / "stand-ins" / provider),
            "--permitted-system-keys",
            r"mustafeed\.standIn\..*",
            "--disable-banner",
        ]

    def start(self):
        env = dict(os.environ, JDK_JAVA_OPTIONS=f"-Dmustafeed.standIn.webhookToken={self.token}")
        for provider in self.PROVIDERS:
            port = free_port()
            with open(self.logdir / f"stand-in-{provider}.log", "ab") as out:
                self.processes[provider] = subprocess.Popen(
                    self.command(provider, port), stdout=out, stderr=subprocess.STDOUT, env=env
                )
            self.ports[provider] = port
        for provider, port in self.ports.items():
            if not wait_http(port, "/__admin/health", self.seconds):
                self.stop()
                raise SystemExit(f"the {provider} stand-in did not start")

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    def url(self, provider):
        return f"http://{LOOPBACK}:{self.ports[provider]}"

    def runner_options(self):
        """The local runner's flags that point it at these stand-ins."""
        return ["--unifonic-url", self.url("unifonic"), "--whatsapp-url", self.url("whatsapp")]


def percentile(values, p):
    """The nearest-rank percentile: the smallest value with at least p % of the values at or below it.

    NaN for no values. p50 of [1, 2, 3, 4] is 2, p99 of 100 values is the 99th smallest.
    """
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = math.ceil(p * len(ordered) / 100)
    return ordered[min(len(ordered) - 1, max(0, rank - 1))]


def replace_section(text, heading, section):
    """`text` with the section under `heading` (a "## " line) replaced by `section`, up to the next
    "## " heading or the end; appended after a blank line when there is no such section yet. One
    blank line before the next heading, none after the last section."""
    section = section.rstrip("\n") + "\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    match = pattern.search(text)
    if match:
        gap = "\n" if match.end() < len(text) else ""
        return text[: match.start()] + section + gap + text[match.end() :]
    return text.rstrip("\n") + "\n\n" + section


class MarkersMissing(ValueError):
    """A section exists but lost the markers that say which part of it a script writes."""


def replace_marked(text, heading, begin, end, body):
    """`text` with what lies from the `begin` marker up to the `end` marker under `heading` replaced by
    `body` (which starts with the begin marker), keeping the hand-written prose around it; a new
    section with the heading, body and end marker when the heading is absent."""
    start = text.find(heading)
    if start < 0:
        return text.rstrip("\n") + f"\n\n{heading}\n\n{body}{end}\n"
    first = text.find(begin, start)
    last = text.find(end, start)
    if first < 0 or last < 0:
        raise MarkersMissing(heading)
    return text[:first] + body + text[last:]


def rewrite(path, change, empty="# Benchmarks\n"):
    """Applies change(text) -> text to the file at path (`empty` when it does not exist yet)."""
    path = pathlib.Path(path)
    text = path.read_text(encoding="utf-8") if path.exists() else empty
    path.write_text(change(text), encoding="utf-8")
