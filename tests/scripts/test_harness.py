"""scripts/harness.py: what ./stress and ./bench share. Standard library only, like the module."""

import http.server
import math
import pathlib
import socket
import sys
import tempfile
import textwrap
import threading
import time
import unittest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import harness  # noqa: E402  (scripts/ is not a package: the scripts import it from their own folder)


class Answering(http.server.BaseHTTPRequestHandler):
    """Answers GET with the status the server was told (server.status)."""

    def do_GET(self):
        self.send_response(self.server.status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def serve(status):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answering)
    server.status = status
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class StandInsTest(unittest.TestCase):
    def test_eachStandIn_servesItsFolderOnLoopback_andReportsToTheRunner(self):
        stand_ins = harness.StandIns("/x/wiremock.jar", "/repo", 3111, "/tmp", "secret-token")
        command = stand_ins.command("unifonic", 8123)
        self.assertEqual(command[command.index("--root-dir") + 1], "/repo/tests/stand-ins/unifonic")
        self.assertEqual(command[command.index("--bind-address") + 1], "127.0.0.1")
        self.assertEqual(command[command.index("--port") + 1], "8123")
        self.assertIn("-Dmustafeed.standIn.callbackBase=http://127.0.0.1:3111", command)
        self.assertFalse(any("secret-token" in part for part in command), "the token never on the command line")


class FreePortTest(unittest.TestCase):
    def test_freePort_canBeBoundOnLoopback(self):
        port = harness.free_port()
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))
        self.assertGreater(port, 0)


class WaitHttpTest(unittest.TestCase):
    def test_waitHttp_isTrue_whenTheServerAnswersBelow500(self):
        server = serve(404)
        self.addCleanup(server.shutdown)
        self.assertTrue(harness.wait_http(server.server_address[1], "/", 5))

    def test_waitHttp_isFalse_afterTheDeadline_whenOnlyServerErrorsCome(self):
        server = serve(503)
        self.addCleanup(server.shutdown)
        started = time.monotonic()
        self.assertFalse(harness.wait_http(server.server_address[1], "/", 0.6))
        self.assertLess(time.monotonic() - started, 5)

    def test_waitHttp_isFalse_whenNothingListens(self):
        self.assertFalse(harness.wait_http(harness.free_port(), "/", 0.5))


class MotoTest(unittest.TestCase):
    """Moto drives whatever executable it is given as moto's server: here a stand-in on the same flags."""

    def setUp(self):
        folder = pathlib.Path(tempfile.mkdtemp())
        self.log = folder / "moto.log"
        self.server = folder / "fake-moto"
        self.server.write_text(
            textwrap.dedent(f"""\
            #!{sys.executable}
            import http.server, sys
            port = int(sys.argv[sys.argv.index("-p") + 1])
            assert sys.argv[sys.argv.index("-H") + 1] == "127.0.0.1"
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    self.send_response(200 if self.path == "/moto-api/" else 404)
                    self.end_headers()
            print("fake moto on", port, flush=True)
            http.server.HTTPServer(("127.0.0.1", port), H).serve_forever()
            """)
        )
        self.server.chmod(0o755)

    def test_start_waitsUntilItAnswers_andStop_endsIt_andItCanStartAgain(self):
        moto = harness.Moto(str(self.server), harness.free_port(), self.log)
        self.addCleanup(moto.stop)
        moto.start()
        self.assertTrue(harness.wait_http(moto.port, "/moto-api/", 1))
        self.assertEqual(f"http://127.0.0.1:{moto.port}", moto.endpoint)
        moto.stop()
        self.assertIsNotNone(moto.process.poll())
        self.assertFalse(harness.wait_http(moto.port, "/moto-api/", 0.5))
        moto.start()  # ./stress's outage: the same port again
        self.assertTrue(harness.wait_http(moto.port, "/moto-api/", 1))
        self.assertEqual(2, self.log.read_text().count("fake moto on"))

    def test_start_fails_andLeavesNoProcess_whenTheServerNeverAnswers(self):
        self.server.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n")
        moto = harness.Moto(str(self.server), harness.free_port(), self.log, seconds=0.5)
        with self.assertRaises(SystemExit):
            moto.start()
        self.assertIsNotNone(moto.process.poll())


class PercentileTest(unittest.TestCase):
    def test_percentile_isTheNearestRank(self):
        values = list(range(1, 101))  # 1..100, shuffled order must not matter
        values.reverse()
        self.assertEqual(50, harness.percentile(values, 50))
        self.assertEqual(90, harness.percentile(values, 90))
        self.assertEqual(99, harness.percentile(values, 99))
        self.assertEqual(100, harness.percentile(values, 100))
        self.assertEqual(1, harness.percentile(values, 0))

    def test_percentile_ofFewValues(self):
        self.assertEqual(2, harness.percentile([4, 3, 2, 1], 50))
        self.assertEqual(3, harness.percentile([4, 3, 2, 1], 51))
        self.assertEqual(7, harness.percentile([7], 99))
        # p50 of 50 values is the 25th: the rank is ceil(50 x 50 / 100), never rounded half to even.
        self.assertEqual(25, harness.percentile(list(range(1, 51)), 50))
        self.assertEqual(9, harness.percentile(list(range(1, 11)), 90))

    def test_percentile_ofNothing_isNaN(self):
        self.assertTrue(math.isnan(harness.percentile([], 50)))


DOC = """# Benchmarks

## Site (Lighthouse)

scores

## Cold start and warm latency (./bench)

How it is measured, by hand.

<!-- written by ./bench: old -->
old table
<!-- end of ./bench output -->

After the table, by hand.

## Load and faults (./stress)

old figures

## Later

kept
"""


class ReplaceSectionTest(unittest.TestCase):
    def test_replaceSection_replacesUpToTheNextHeading_only(self):
        text = harness.replace_section(DOC, "## Load and faults (./stress)", "## Load and faults (./stress)\n\nnew\n")
        self.assertIn("## Load and faults (./stress)\n\nnew\n\n## Later\n\nkept\n", text)
        self.assertNotIn("old figures", text)
        self.assertTrue(text.startswith(DOC[: DOC.index("## Load")]))

    def test_replaceSection_appends_whenTheSectionIsMissing(self):
        text = harness.replace_section("# Benchmarks\n\n", "## New (./x)", "## New (./x)\n\nfigures\n")
        self.assertEqual("# Benchmarks\n\n## New (./x)\n\nfigures\n", text)

    def test_replaceSection_readsTheHeadingLiterally(self):
        # "(./stress)" holds regex characters: a heading that differs only there is another section.
        text = harness.replace_section(DOC, "## Load and faults (.Xstress)", "## Load and faults (.Xstress)\n")
        self.assertIn("old figures", text)
        self.assertTrue(text.endswith("## Load and faults (.Xstress)\n"))

    def test_replaceSection_ofTheLastSection_runsToTheEnd(self):
        text = harness.replace_section(DOC, "## Later", "## Later\n\nnew\n")
        self.assertTrue(text.endswith("old figures\n\n## Later\n\nnew\n"), text[-40:])


class ReplaceMarkedTest(unittest.TestCase):
    HEADING, BEGIN, END = "## Cold start and warm latency (./bench)", "<!-- written by ./bench", "<!-- end of ./bench"

    def test_replaceMarked_keepsTheProseAroundTheMarkers(self):
        body = "<!-- written by ./bench: new -->\nnew table\n"
        text = harness.replace_marked(DOC, self.HEADING, self.BEGIN, self.END, body)
        self.assertIn("How it is measured, by hand.\n\n<!-- written by ./bench: new -->\nnew table\n<!-- end of", text)
        self.assertIn("After the table, by hand.", text)
        self.assertNotIn("old table", text)
        self.assertIn("old figures", text)

    def test_replaceMarked_addsTheSection_whenTheHeadingIsMissing(self):
        text = harness.replace_marked("# Benchmarks\n", self.HEADING, self.BEGIN, "<!-- end -->", "<!-- b -->\nt\n")
        self.assertEqual(f"# Benchmarks\n\n{self.HEADING}\n\n<!-- b -->\nt\n<!-- end -->\n", text)

    def test_replaceMarked_refuses_whenAMarkerIsGone(self):
        broken = DOC.replace("<!-- end of ./bench output -->\n", "")
        with self.assertRaises(harness.MarkersMissing):
            harness.replace_marked(broken, self.HEADING, self.BEGIN, self.END, "x")


class BenchmarksFileTest(unittest.TestCase):
    """Rewriting docs/BENCHMARKS.md with what it already holds changes nothing: the scripts' sections
    are found where the file has them."""

    def setUp(self):
        self.doc = (ROOT / "docs" / "BENCHMARKS.md").read_text(encoding="utf-8")

    def test_theStressSection_isFoundAndReplacedInPlace(self):
        heading = "## Load and faults (./stress)"
        start = self.doc.index(heading)
        following = self.doc.find("\n## ", start + 1)
        current = self.doc[start : following + 1 if following >= 0 else len(self.doc)].rstrip("\n") + "\n"
        self.assertEqual(self.doc, harness.replace_section(self.doc, heading, current))

    def test_theBenchSection_isFoundAndReplacedInPlace(self):
        begin, end = "<!-- written by ./bench", "<!-- end of ./bench output -->"
        current = self.doc[self.doc.index(begin) : self.doc.index(end)]
        self.assertEqual(
            self.doc, harness.replace_marked(self.doc, "## Cold start and warm latency (./bench)", begin, end, current)
        )

    def test_rewrite_writesWhatTheChangeReturns_andStartsAnAbsentFile(self):
        path = pathlib.Path(tempfile.mkdtemp()) / "BENCHMARKS.md"
        harness.rewrite(path, lambda text: text + "more\n")
        self.assertEqual("# Benchmarks\nmore\n", path.read_text(encoding="utf-8"))
        harness.rewrite(path, lambda text: text.replace("more", "less"))
        self.assertEqual("# Benchmarks\nless\n", path.read_text(encoding="utf-8"))


if __name__ == "__main__":
    unittest.main()
