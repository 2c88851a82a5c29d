"""The VS Code extension: editors/vscode/build.sh builds the .vsix (TypeScript, esbuild and
@vscode/vsce from the npm registry, cached in ${REPORTLS_CACHE:-~/.cache/reportls}/npm), and this
checks what it carries — the manifest (activation, category, icon, licence, every server setting
of docs/settings.schema.json with a description and scope, the profile as a choice of the bundled
profiles by name, workspace trust), one bundled JavaScript file and no node_modules, a page per
documented rule, the Linux x64 server with its plugins in the layout it finds them in, and the
extension's behaviour against stand-ins for the VS Code API (vscode_extension_test.js).
Skipped with a message when node/npm are missing or the npm registry cannot be reached."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from editor_util import BINARY, BUILD_DIR, CORPUS, EDITORS_DIR, HERE, SAMPLE, SOURCE_DIR, skip_module, top_headings

BUILD = BUILD_DIR or os.path.dirname(os.path.dirname(os.path.abspath(BINARY)))
VSIX = os.path.join(BUILD, "editors", "reportls.vsix")


def build_vsix():
    if not shutil.which("node") or not shutil.which("npm"):
        skip_module("node and npm are needed to build the VS Code extension")
    proc = subprocess.run([os.path.join(EDITORS_DIR, "vscode", "build.sh"), VSIX, BUILD],
                          capture_output=True, text=True, timeout=540)
    if proc.returncode != 0:
        log = proc.stdout + proc.stderr
        if any(s in log for s in ("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ENETUNREACH")):
            skip_module("the npm registry cannot be reached and the npm cache is empty:\n" + log[-1500:])
        raise AssertionError("build.sh failed (%d):\n%s" % (proc.returncode, log[-4000:]))


class VsixPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        with zipfile.ZipFile(VSIX) as z:
            cls.names = set(z.namelist())
            cls.modes = {i.filename: i.external_attr >> 16 for i in z.infolist()}
            z.extractall(cls.tmp.name)
        cls.ext = os.path.join(cls.tmp.name, "extension")
        for name, mode in cls.modes.items():  # as VS Code does when it installs a .vsix
            if mode & 0o111:
                os.chmod(os.path.join(cls.tmp.name, name), mode & 0o777)
        with open(os.path.join(cls.ext, "package.json"), encoding="utf-8") as f:
            cls.manifest = json.load(f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_manifest_targets_linux_x64_and_activates_on_text_and_markdown(self):
        with zipfile.ZipFile(VSIX) as z:
            self.assertIn('TargetPlatform="linux-x64"', z.read("extension.vsixmanifest").decode())
        self.assertEqual(set(self.manifest["activationEvents"]), {"onLanguage:plaintext", "onLanguage:markdown"})
        commands = [c["command"] for c in self.manifest["contributes"]["commands"]]
        for command in ("reportls.restartServer", "reportls.showStatus", "reportls.fixAll", "reportls.showRuleDocs"):
            self.assertIn(command, commands)
        self.assertEqual(self.manifest["categories"], ["Linters"])
        self.assertIn("extension/" + self.manifest["icon"], self.names)
        self.assertEqual(self.manifest["license"], "MIT")
        self.assertIn("extension/LICENSE.txt", self.names)

    def test_every_server_setting_is_a_setting(self):
        with open(os.path.join(SOURCE_DIR, "docs", "settings.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)["properties"]
        props = self.manifest["contributes"]["configuration"]["properties"]
        # Settings of the client alone: which server, its trace, which files it is given, whether it
        # asks for ghost text.
        server_keys = {k[len("reportls."):] for k in props} - {"server.path", "trace.server", "files",
                                                                "inlineCompletion.enable"}
        self.assertEqual(server_keys, set(schema))
        for key, spec in schema.items():
            with self.subTest(setting=key):
                self.assertEqual(props["reportls." + key]["type"], spec["type"])
                for bound in ("minimum", "maximum"):
                    self.assertEqual(props["reportls." + key].get(bound), spec.get(bound))

    def test_profile_is_a_choice_of_the_bundled_profiles_by_name(self):
        profiles_dir = os.path.join(SOURCE_DIR, "analyzers", "report", "profiles")
        bundled = {}
        for name in sorted(os.listdir(profiles_dir)):
            if name.endswith(".profile.json"):
                with open(os.path.join(profiles_dir, name), encoding="utf-8") as f:
                    p = json.load(f)
                bundled[p["id"]] = p["report_type"]
        profile = self.manifest["contributes"]["configuration"]["properties"]["reportls.profile"]
        self.assertEqual(profile["enum"], [""] + sorted(bundled))
        self.assertEqual(profile["enumItemLabels"][1:], [bundled[i] for i in sorted(bundled)])
        self.assertEqual(len(profile["enumDescriptions"]), len(profile["enum"]))

    def test_a_page_for_every_documented_rule(self):
        with open(os.path.join(SOURCE_DIR, "docs", "rules.json"), encoding="utf-8") as f:
            codes = [r["code"] for r in json.load(f)["rules"]]
        for code in codes:
            self.assertIn("extension/docs/rules/%s.md" % code, self.names)
        with zipfile.ZipFile(VSIX) as z:
            page = z.read("extension/docs/rules/figures.sum.md").decode()
        self.assertTrue(page.startswith("# figures.sum\n"))
        self.assertIn("15 + 4 + 27 + 268 = 314", page)

    def test_settings_have_descriptions_and_scopes(self):
        props = self.manifest["contributes"]["configuration"]["properties"]
        scopes = {
            "reportls.server.path": "machine", "reportls.pluginDirs": "machine",
            "reportls.profile": "resource", "reportls.reportYear": "resource", "reportls.rules": "resource",
            "reportls.dataDirs": "resource", "reportls.debounce": "window", "reportls.trace.server": "window",
            "reportls.analysisTimeout": "window", "reportls.allChineseText": "resource",
            "reportls.inlineCompletion.enable": "resource", "reportls.maxDiagnostics": "resource",
        }
        for key, scope in scopes.items():
            with self.subTest(setting=key):
                self.assertEqual(props[key]["scope"], scope)
                self.assertTrue(props[key].get("description") or props[key].get("markdownDescription"))

    def test_workspace_trust_restricts_server_path_and_plugin_dirs(self):
        trust = self.manifest["capabilities"]["untrustedWorkspaces"]
        self.assertEqual(trust["supported"], "limited")
        self.assertEqual(set(trust["restrictedConfigurations"]), {"reportls.server.path", "reportls.pluginDirs"})

    def test_carries_one_bundled_javascript_file(self):
        scripts = [n for n in self.names if n.endswith(".js") and not n.startswith("extension/server/")]
        self.assertEqual(scripts, ["extension/dist/extension.js"])
        with zipfile.ZipFile(VSIX) as z:
            bundle = z.read("extension/dist/extension.js")
        self.assertTrue(b"StreamMessageReader" in bundle, "vscode-languageclient is not bundled in")
        self.assertFalse(any("/node_modules/" in n for n in self.names))
        self.assertFalse(any(n.startswith("extension/src/") for n in self.names))

    def test_bundled_server_finds_its_bundled_plugins(self):
        server = os.path.join(self.ext, "server", "bin", "reportls")
        self.assertTrue(os.access(server, os.X_OK), "server/bin/reportls is not executable in the .vsix")
        self.assertTrue(os.access(server + "-analysis", os.X_OK),
                        "server/bin/reportls-analysis (the analysis processes) is not executable in the .vsix")
        out = subprocess.run([server, "plugins"], capture_output=True, text=True, timeout=60)
        plugins_dir = os.path.join(self.ext, "server", "lib", "reportls", "plugins")
        self.assertIn(plugins_dir, out.stdout + out.stderr)
        self.assertIn("outline", out.stdout)
        # The outline comes from a bundled plugin: the packaged server shows the report's headings.
        outline = subprocess.run([server, "outline", os.path.join(CORPUS, SAMPLE)],
                                 capture_output=True, text=True, timeout=60).stdout
        for _, heading in top_headings(os.path.join(CORPUS, SAMPLE)):
            self.assertIn(heading, outline)

    def test_extension_logic_against_a_stand_in_vscode_api(self):
        stage = os.path.join(BUILD, "editors", "vscode")
        out = subprocess.run(["node", os.path.join(HERE, "vscode_extension_test.js"), self.ext, stage],
                             capture_output=True, text=True, timeout=60)
        self.assertEqual(out.returncode, 0, out.stdout + out.stderr)
        self.assertIn("extension logic: ok", out.stdout)


if __name__ == "__main__":
    build_vsix()
    unittest.main(verbosity=2)
