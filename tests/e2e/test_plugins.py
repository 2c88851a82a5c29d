"""The plugin host as users meet it: `reportls plugins`, broken plugins that must not take the
server down, and the example C plugin built out of tree from the installed header alone."""
import os
import shutil
import subprocess
import tempfile
import unittest

from lsp_client import BINARY, EXAMPLE_PLUGINS, TEST_PLUGINS, ServerTest, run

SOURCE = os.environ.get("REPORTLS_SOURCE_DIR", "")
BUILD = os.environ.get("REPORTLS_BUILD_DIR", "")


def reportls(*args, **kw):
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=60, **kw)


class PluginsCommand(unittest.TestCase):
    def test_lists_bundled_plugins(self):
        out = reportls("plugins")
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("✓ outline", out.stdout)

    def test_every_broken_plugin_is_listed_with_its_reason(self):
        out = reportls("plugins", "--plugin-dir", TEST_PLUGINS)
        self.assertEqual(out.returncode, 1)
        text = out.stdout
        self.assertIn("✓ outline", text)
        self.assertIn("ABI 版本不兼容", text)
        self.assertIn("缺少入口函数 reportls_plugin_entry()", text)
        self.assertIn("规则文件 rules.json 第 3 行", text)
        self.assertIn("✓ throwing", text)
        self.assertIn("✓ bad_output", text)

    def test_missing_plugin_folder_is_reported(self):
        out = reportls("plugins", "--plugin-dir", "/nonexistent/reportls-plugins")
        self.assertEqual(out.returncode, 1)
        self.assertIn("插件目录不存在", out.stdout)


WARNS = os.path.join(TEST_PLUGINS, "warns")
OLD_ABI = os.path.join(TEST_PLUGINS, "old_abi")


class Abi11(ServerTest):
    """ABI 1.1: load warnings through config->warning, completion triggers in the descriptor, the
    document's path decoded by the host; a plugin built against 1.0 keeps working."""
    ARGS = ("--plugin-dir", WARNS, "--plugin-dir", OLD_ABI)

    def test_triggers_warning_and_path(self):
        triggers = self.init_result["capabilities"]["completionProvider"]["triggerCharacters"]
        self.assertIn("＠", triggers)   # the warns plugin's
        self.assertIn("。", triggers)   # phrasing's, from its descriptor
        uri = "file:///tmp/reportls-e2e/%E6%8A%A5%E5%91%8A%201.txt"
        self.client.open(uri, "OLDABI 一、工作情况\n")
        status = self.client.wait_notification("reportls/documentStatus", lambda p: p["uri"] == uri)
        self.assertEqual(status["facts"]["path"], "/tmp/reportls-e2e/报告 1.txt")
        codes = {d["code"] for d in self.client.published(uri, 1)["diagnostics"]}
        self.assertIn("old_abi.seen", codes)
        self.client.change(uri, 2, [{"text": "OLDABI 二、下一步\n"}])
        self.client.published(uri, 2)
        self.client.result("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 1}})
        warned = [n["params"]["message"] for n in self.client.seen
                  if n.get("method") == "window/logMessage" and "broken.json" in n["params"]["message"]]
        self.assertEqual(len(warned), 1, warned)   # said once, at load, not per analysis
        self.assertIn("插件 warns", warned[0])
        self.assertEqual(self.client.shutdown_and_exit(), 0)

    def test_command_line(self):
        path = "/tmp/reportls-e2e-abi.txt"
        with open(path, "w", encoding="utf-8") as f:
            f.write("OLDABI\n")
        self.addCleanup(os.remove, path)
        out = reportls("check", "--plugin-dir", WARNS, "--plugin-dir", OLD_ABI, path)
        self.assertIn("[old_abi.seen] 1.0 plugin saw 7 bytes", out.stdout)
        self.assertEqual(out.stderr.count("broken.json"), 1, out.stderr)
        listed = reportls("plugins", "--plugin-dir", WARNS, "--plugin-dir", OLD_ABI)
        self.assertIn("✓ old_abi", listed.stdout)
        self.assertIn("⚠ warns: 用户数据文件 broken.json", listed.stdout)


class CompletionOnlyPlugin(ServerTest):
    """A plugin that announces completion only (as the bundled phrasing plugin does) offers its
    items, and is never asked to analyse: what its analyze would report reaches no document."""
    ARGS = ("--plugin-dir", os.path.join(TEST_PLUGINS, "completes"))
    OPTIONS = {"debounce": 0}

    def test_completes_and_is_not_analysed(self):
        uri = "file:///tmp/reportls-e2e/completes.txt"
        self.client.open(uri, "一、工作情况\n")
        codes = {d.get("code") for d in self.client.published(uri, 1)["diagnostics"]}
        self.assertNotIn("completes.analysed", codes)
        result = self.client.result("textDocument/completion", {"textDocument": {"uri": uri},
                                                                "position": {"line": 1, "character": 0}})
        items = result["items"] if isinstance(result, dict) else result
        self.assertIn("补全插件的条目", [i["label"] for i in items])
        self.client.change(uri, 2, [{"text": "二、下一步\n"}])
        codes = {d.get("code") for d in self.client.published(uri, 2)["diagnostics"]}
        self.assertNotIn("completes.analysed", codes)
        self.assertEqual(self.client.shutdown_and_exit(), 0)


class HoverPluginsOnFirstHover(ServerTest):
    """The process serving the requests a person waits for creates the hover plugins (figures,
    tables, crossdoc) at the first hover, not at start: most sessions never hover, and their models
    would take memory in that process all the while."""
    OPTIONS = {"debounce": 0, "allChineseText": True}

    def mapped_plugins(self):
        """Plugin libraries mapped by each of the server's analysis processes (its children)."""
        pid = self.client.proc.pid
        children = set()
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                children.update(f.read().split())
        out = []
        for child in children:
            with open(f"/proc/{child}/maps") as f:
                out.append({os.path.basename(line.split()[-1]) for line in f if line.rstrip().endswith(".so")})
        return out

    def test_created_at_the_first_hover_and_the_hover_answers(self):
        uri = "file:///tmp/reportls-e2e/hover.txt"
        text = "全县规范建立人民调解组织313个，其中行业性专业性调解机构15家、多调对接派驻调解室4个、乡镇街道调委会27个、村居调委会268个。"
        self.client.open(uri, text)
        self.client.published(uri, 1)
        self.client.result("textDocument/completion", {"textDocument": {"uri": uri},
                                                      "position": {"line": 0, "character": len(text)}})
        interactive = [m for m in self.mapped_plugins() if "phrasing.so" in m]
        self.assertEqual(len(interactive), 1)
        self.assertIn("outline.so", interactive[0])
        # crossdoc's library stays mapped once its descriptor was read, created or not: loaded first,
        # it brings in libreportls_report.so, which binds a unique symbol (to_chars' digit table)
        # to crossdoc's copy, and the loader marks crossdoc NODELETE (LD_DEBUG=files,bindings).
        # figures' and tables' are unloaded.
        self.assertFalse({"figures.so", "tables.so"} & interactive[0])
        hover = self.client.result("textDocument/hover", {"textDocument": {"uri": uri},
                                                          "position": {"line": 0, "character": 13}})
        self.assertIn("15 + 4 + 27 + 268 = 314", hover["contents"]["value"])
        interactive = [m for m in self.mapped_plugins() if "phrasing.so" in m]
        self.assertLessEqual({"figures.so", "tables.so"}, interactive[0])
        self.assertEqual(self.client.shutdown_and_exit(), 0)


class BrokenPluginsInTheServer(ServerTest):
    ARGS = ("--plugin-dir", TEST_PLUGINS, "--plugin-dir", EXAMPLE_PLUGINS)
    # A two-line text is no report by itself: the profile setting makes it one, so the outline runs.
    OPTIONS = {"debounce": 0, "profile": "fazhi-annual"}

    def test_server_keeps_serving_and_says_which_plugin_failed(self):
        uri = "file:///tmp/reportls-e2e/broken.txt"
        self.client.open(uri, "法治××\n一、工作情况\n")
        diags = self.client.published(uri, 1)["diagnostics"]
        codes = sorted(d["code"] for d in diags if not d["code"].startswith(("paragraph.", "punctuation.", "sections.", "numbering.", "figures.", "terms.", "dates.")))
        # The throwing plugin's partial output is dropped; the others stand.
        self.assertEqual(codes, ["bad_output.span", "placeholder.unfilled"])
        bad = next(d for d in diags if d["code"] == "bad_output.span")
        # Clamped to the start of 法 and to the end of the text, cleaned to valid UTF-8.
        self.assertEqual(bad["range"]["start"], {"line": 0, "character": 0})
        self.assertEqual(bad["range"]["end"], {"line": 2, "character": 0})
        self.assertEqual(bad["severity"], 2)
        self.assertIn("\ufffd", bad["message"])
        # Another document: what the throwing plugin says is not said again.
        other = "file:///tmp/reportls-e2e/broken-2.txt"
        self.client.open(other, "法治××\n二、工作情况\n")
        self.client.published(other, 1)
        logs = [n["params"]["message"] for n in self.client.seen if n.get("method") == "window/logMessage"]
        self.assertEqual(len([m for m in logs if m.startswith("插件 throwing:")]), 1, logs)
        self.assertTrue(any("wrong_abi" in m and "ABI" in m for m in logs), logs)
        # The outline still works, with the bad symbol made valid.
        symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        names = [s["name"] for s in symbols]
        self.assertIn("一、工作情况", names)
        self.assertIn("orphan", names)
        self.assertEqual(self.client.shutdown_and_exit(), 0)


@unittest.skipUnless(shutil.which("cc") and BUILD, "needs a C compiler and the build tree")
class ExamplePluginOutOfTree(unittest.TestCase):
    def test_builds_with_only_the_installed_header_and_loads(self):
        with tempfile.TemporaryDirectory() as tmp:
            prefix = os.path.join(tmp, "prefix")
            subprocess.run(["cmake", "--install", BUILD, "--prefix", prefix], check=True,
                           capture_output=True)
            self.assertTrue(os.path.exists(os.path.join(prefix, "include/reportls/plugin.h")))
            plugin_dir = os.path.join(tmp, "my-plugins")
            os.makedirs(plugin_dir)
            subprocess.run(["cc", "-std=c11", "-Wall", "-Werror", "-shared", "-fPIC",
                            "-I", os.path.join(prefix, "include"),
                            os.path.join(SOURCE, "plugins/example/placeholder.c"),
                            "-o", os.path.join(plugin_dir, "placeholder.so")], check=True)
            report = os.path.join(tmp, "draft.txt")
            with open(report, "w", encoding="utf-8") as f:
                f.write("××县人民政府关于2023年度法治政府建设情况的报告\n")
            # The installed binary finds its bundled plugins relative to itself.
            installed = os.path.join(prefix, "bin/reportls")
            out = subprocess.run([installed, "check", "--plugin-dir", plugin_dir, report],
                                 capture_output=True, text=True, timeout=60)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertIn(":1:1: 警告 [placeholder.unfilled] 模板占位符“××”尚未替换为实际内容", out.stdout)
            listed = subprocess.run([installed, "plugins", "--plugin-dir", plugin_dir],
                                    capture_output=True, text=True, timeout=60)
            self.assertIn("✓ outline", listed.stdout)
            self.assertIn("✓ placeholder", listed.stdout)


if __name__ == "__main__":
    run()
