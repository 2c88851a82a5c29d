"""Plugins that crash or hang must not take the server down (issue #10).

The analyzers run in a worker process (`reportls-analysis --analysis-worker`).  The test plugins
crashing/aborting/hanging misbehave only when the text contains CRASH/ABORT/HANG; the server must
kill and restart the worker, disable that plugin for that document only, say so (logMessage and
one showMessage), and still publish the other plugins' diagnostics for the same version."""
import os
import subprocess
import time
import unittest

from lsp_client import BINARY, EXAMPLE_PLUGINS, TEST_PLUGINS, Client, ServerTest, run

ARGS = ("--plugin-dir", TEST_PLUGINS, "--plugin-dir", EXAMPLE_PLUGINS)


def _stat(pid):
    """(state, ppid) of a live process, or None."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            rest = f.read().rsplit(")", 1)[1].split()
        return rest[0], int(rest[1])
    except (OSError, IndexError, ValueError):
        return None


def _is_worker(pid):
    try:
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return b"--analysis-worker" in f.read().split(b"\0")
    except OSError:
        return False


def worker_pids(server_pid):
    """The live analysis workers whose parent is `server_pid`."""
    found = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            pid = int(name)
            st = _stat(pid)
            if st and st[1] == server_pid and st[0] != "Z" and _is_worker(pid):
                found.append(pid)
    return sorted(found)


def gone(pid):
    st = _stat(pid)
    return st is None or st[0] == "Z" or not _is_worker(pid)


def wait_until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    return predicate()


class FaultTest(ServerTest):
    ARGS = ARGS
    OPTIONS = {"debounce": 0}

    def workers(self):
        """The live workers of this server: one for diagnostics, one for interactive requests
        (waits until both run)."""
        pids = wait_until(lambda: (lambda p: p if len(p) == 2 else None)(worker_pids(self.client.proc.pid)))
        self.assertEqual(len(pids or []), 2, pids)
        return set(pids)

    def replaced(self, before):
        """After a fault: the one worker that replaced a worker of `before`."""
        after = wait_until(lambda: (lambda w: w if len(w) == 2 and w != before else None)(set(worker_pids(self.client.proc.pid))))
        self.assertTrue(after, "no worker was replaced")
        self.assertEqual(len(before - after), 1, (before, after))
        return after

    def messages(self, method):
        return [n["params"]["message"] for n in self.client.seen if n.get("method") == method]

    def assert_others_report(self, uri, version):
        """The test plugins' and the example plugin's diagnostics are published for `version`
        (the bundled analyzers may add their own; they are not the point here)."""
        codes = {d["code"] for d in self.client.published(uri, version, timeout=30)["diagnostics"]}
        self.assertLessEqual({"bad_output.span", "placeholder.unfilled"}, codes)

    def check_fault(self, marker, plugin, reason):
        first = self.workers()
        uri = "file:///tmp/reportls-e2e/fault-%s.txt" % plugin
        self.client.open(uri, "××县 %s 报告\n一、工作情况\n" % marker)
        # The other plugins' diagnostics for this very version still arrive.
        self.assert_others_report(uri, 1)
        shown = self.client.wait_notification("window/showMessage", lambda p: uri in p["message"])
        self.assertIn("插件 %s %s" % (plugin, reason), shown["message"])
        self.assertIn("已对此文档停用", shown["message"])
        self.assertEqual(shown["type"], 1)
        self.assertTrue(any(plugin in m and reason in m and uri in m
                            for m in self.messages("window/logMessage")))
        # The diagnostics worker was killed, reaped and replaced; the interactive one is untouched.
        second = self.replaced(first)
        self.assertTrue(all(gone(p) for p in first - second), "the faulty worker is still there")

        # A later edit still gets diagnostics; the disabled plugin is not run again for this
        # document (it would fault again and cost another worker), nor announced again.
        self.client.change(uri, 2, [{"text": "××县 %s 报告\n一、工作情况\n二、下一步\n" % marker}])
        self.assert_others_report(uri, 2)
        self.assertEqual(self.workers(), second)

        # Another document without the marker: every plugin runs, nothing restarts.
        clean = "file:///tmp/reportls-e2e/clean-%s.txt" % plugin
        self.client.open(clean, "××县 报告\n")
        self.assert_others_report(clean, 1)
        self.assertEqual(self.workers(), second)

        # The plugin is off only for the first document: with the marker elsewhere it runs (and
        # faults) again, and that is announced for the new document.
        other = "file:///tmp/reportls-e2e/other-%s.txt" % plugin
        self.client.open(other, "××县 %s\n" % marker)
        self.assert_others_report(other, 1)
        self.client.wait_notification("window/showMessage", lambda p: other in p["message"])
        third = self.replaced(second)

        shows = [m for m in self.messages("window/showMessage") if uri in m]
        self.assertEqual(len(shows), 1, shows)

        # Closed and reopened, the first document starts afresh: the plugin runs (and faults,
        # and is announced) once more.
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.client.open(uri, "××县 %s 报告\n" % marker)
        self.assert_others_report(uri, 1)
        self.client.wait_notification("window/showMessage", lambda p: uri in p["message"])
        third = self.replaced(third)
        server = self.client.proc.pid
        self.assertEqual(self.client.shutdown_and_exit(), 0)
        # No worker outlives the server.
        self.assertTrue(wait_until(lambda: all(gone(p) for p in first | second | third)),
                        "a worker outlived the server")
        self.assertEqual(worker_pids(server), [])


# The analysis process reports a plugin's fatal signal itself before it dies of it, under a
# sanitizer too: a crash is told by how the process ended.
SEGV = "崩溃（信号 11"


# A crash is told by how the analysis process ended; a budget no crash comes near keeps a loaded
# machine from turning it into a hang.
NO_HURRY = {"debounce": 0, "analysisTimeout": 600000}


class Crash(FaultTest):
    OPTIONS = NO_HURRY

    def test_null_dereference(self):
        self.check_fault("CRASH", "crashing", SEGV)


class Abort(FaultTest):
    OPTIONS = NO_HURRY

    def test_abort(self):
        self.check_fault("ABORT", "aborting", "崩溃（信号 6")


class Hang(FaultTest):
    OPTIONS = {"debounce": 0, "analysisTimeout": 500}

    def test_endless_loop(self):
        self.check_fault("HANG", "hanging", "超过 500 毫秒未返回")


class TwoFaultsInOneDocument(FaultTest):
    OPTIONS = {"debounce": 0, "analysisTimeout": 500}

    def test_each_faulty_plugin_is_disabled_and_the_rest_still_report(self):
        uri = "file:///tmp/reportls-e2e/two-faults.txt"
        self.client.open(uri, "××县 CRASH HANG\n")
        self.assert_others_report(uri, 1)
        for plugin in ("crashing", "hanging"):
            self.client.wait_notification(
                "window/showMessage", lambda p, plugin=plugin: ("插件 %s " % plugin) in p["message"])
        self.assertEqual(self.client.shutdown_and_exit(), 0)


class InteractiveFaults(FaultTest):
    """Completion and hover run in the interactive analysis process: a plugin that crashes or
    hangs there is disabled for that document, said once, and the request is still answered with
    the other plugins' items."""

    def check_hover_fault(self, marker, plugin, reason):
        uri = "file:///tmp/reportls-e2e/hover-%s.txt" % plugin
        self.client.open(uri, "%s 共10件\n" % marker)
        hover = self.client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 6}}, timeout=30)
        self.assertIn("result", hover)   # answered, without the faulty plugin
        shown = self.client.wait_notification("window/showMessage", lambda p: uri in p["message"])
        self.assertIn("插件 %s %s" % (plugin, reason), shown["message"])
        self.assertEqual(self.client.shutdown_and_exit(), 0)

    def check_interactive_fault(self, marker, plugin, reason):
        first = self.workers()
        uri = "file:///tmp/reportls-e2e/interactive-%s.txt" % plugin
        self.client.open(uri, "一、工作情况\n%s 法治\n" % marker)
        at = {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 7}}
        completion = self.client.result("textDocument/completion", at, timeout=30)
        self.assertIn("items", completion)
        shown = self.client.wait_notification("window/showMessage", lambda p: uri in p["message"])
        self.assertIn("插件 %s %s" % (plugin, reason), shown["message"])
        self.assertIn("已对此文档停用", shown["message"])
        # The interactive process was replaced; the diagnostics one is untouched.
        second = self.replaced(first)
        # Hover and completion go on without the plugin, and nothing is said again.
        self.client.result("textDocument/hover", at, timeout=30)
        self.assertEqual(self.client.result("textDocument/completion", at, timeout=30)["items"], completion["items"])
        self.assertEqual(self.workers(), second)
        shows = [m for m in self.messages("window/showMessage") if uri in m]
        self.assertEqual(len(shows), 1, shows)
        self.assertEqual(self.client.shutdown_and_exit(), 0)


class InteractiveCrash(InteractiveFaults):
    OPTIONS = NO_HURRY

    def test_crash_in_completion(self):
        self.check_interactive_fault("SEGV", "crashing", SEGV)

    def test_crash_in_hover(self):
        self.check_hover_fault("SEGV", "crashing", SEGV)


class InteractiveHang(InteractiveFaults):
    OPTIONS = {"debounce": 0, "analysisTimeout": 500}

    def test_hang_in_completion(self):
        self.check_interactive_fault("SPIN", "hanging", "超过 500 毫秒未返回")

    def test_hang_in_hover(self):
        self.check_hover_fault("SPIN", "hanging", "超过 500 毫秒未返回")


class FaultsAfterTheServerEnds(ServerTest):
    ARGS = ARGS

    def test_worker_exits_with_the_server_even_inside_a_hanging_plugin(self):
        server = self.client.proc.pid
        workers = wait_until(lambda: (lambda p: p if len(p) == 2 else None)(worker_pids(server)))
        self.assertEqual(len(workers or []), 2)
        # The default budget is 2 s; end the server while the plugin spins.
        self.client.open("file:///tmp/reportls-e2e/hang-at-exit.txt", "HANG\n")
        time.sleep(0.3)
        self.client.proc.stdin.close()  # end of input without shutdown: exit code 1
        self.assertEqual(self.client.wait(), 1)
        self.assertTrue(wait_until(lambda: all(gone(p) for p in workers)), "a worker outlived the server")


class InProcess(unittest.TestCase):
    def test_no_worker_runs_plugins_in_the_server(self):
        client = Client("--no-worker", *ARGS)
        self.addCleanup(client.close)
        client.initialize({"debounce": 0})
        uri = "file:///tmp/reportls-e2e/in-process.txt"
        client.open(uri, "××县 报告\n")
        codes = {d["code"] for d in client.published(uri, 1)["diagnostics"]}
        self.assertLessEqual({"bad_output.span", "placeholder.unfilled"}, codes)
        self.assertEqual(worker_pids(client.proc.pid), [])
        self.assertEqual(client.shutdown_and_exit(), 0)


class CheckCommand(unittest.TestCase):
    def test_check_survives_a_crashing_plugin(self):
        path = "/tmp/reportls-e2e-crash.txt"
        with open(path, "w", encoding="utf-8") as f:
            f.write("××县 CRASH 报告\n一、工作情况\n")
        self.addCleanup(os.remove, path)
        config = "/tmp/reportls-e2e-crash.json"
        with open(config, "w", encoding="utf-8") as f:
            f.write('{"analysisTimeout": 600000}')
        self.addCleanup(os.remove, config)
        out = subprocess.run([BINARY, "check", "--config", config, *ARGS, path], capture_output=True,
                             text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("[placeholder.unfilled]", out.stdout)
        self.assertIn("[bad_output.span]", out.stdout)
        self.assertIn("插件 crashing: " + SEGV, out.stderr)
        self.assertIn("已对此文档停用", out.stderr)


if __name__ == "__main__":
    run()
