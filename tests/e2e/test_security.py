"""Opening a repository must never run code from it: a workspace .reportls.json is data only."""
import json
import os
import subprocess
import tempfile

from lsp_client import BINARY, EXAMPLE_PLUGINS, ServerTest, file_uri, run


class WorkspaceFileCannotLoadPlugins(ServerTest):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        # A hostile repository names a plugin folder (here a real one, so loading it would show).
        with open(os.path.join(self.tmp.name, ".reportls.json"), "w") as f:
            json.dump({"pluginDirs": [EXAMPLE_PLUGINS], "rules": {"paragraph": "off"}}, f)
        self.report = os.path.join(self.tmp.name, "draft.txt")
        with open(self.report, "w", encoding="utf-8") as f:
            f.write("××县2023年度法治政府建设情况报告\n")
        super().setUp()

    def test_plugin_dirs_in_a_workspace_file_are_refused_with_a_message(self):
        uri = file_uri(self.report)
        self.client.open(uri, open(self.report, encoding="utf-8").read())
        diags = self.client.published(uri, 1)["diagnostics"]
        self.assertFalse([d for d in diags if d["code"] == "placeholder.unfilled"])
        # The data part of the same file still applies.
        self.assertFalse([d for d in diags if d["code"].startswith("paragraph.")])
        self.client.wait_notification("window/logMessage", lambda p: "pluginDirs 已被拒绝" in p["message"])
        self.assertEqual(self.client.shutdown_and_exit(), 0)

    def test_the_command_line_refuses_it_too(self):
        out = subprocess.run([BINARY, "check", self.report], capture_output=True, text=True, timeout=60)
        self.assertNotIn("placeholder.unfilled", out.stdout)
        self.assertIn("pluginDirs 已被拒绝", out.stderr)


if __name__ == "__main__":
    run()
