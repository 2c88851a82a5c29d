"""`reportls phrases mine`: an office mines its archive into .reportls/phrases/, what several of
its reports write is kept with how many use it, what the analyzers flag is dropped and named, and
completion in a report of that workspace then continues with it."""
import json
import os
import subprocess
import tempfile
import unittest

from lsp_client import BINARY, ServerTest, file_uri, run

OPENING = "{year}年，我县{verb}坚持以习近平新时代中国特色社会主义思想为指导，扎实推进乡村振兴法治保障工作，截止目前成效明显。"


def archive(folder):
    """Three past reports (text, Markdown, text) that share a sentence, one with a typo."""
    os.makedirs(folder)
    for i, (ext, verb) in enumerate((("txt", "始终"), ("md", "持续"), ("txt", "一贯"))):
        with open(os.path.join(folder, f"report{i}.{ext}"), "w", encoding="utf-8") as f:
            f.write(f"某县{2020 + i}年度法治政府建设情况报告\n\n" + OPENING.format(year=2020 + i, verb=verb) + "\n")


class MineCli(unittest.TestCase):
    def test_mines_the_shared_phrasing_and_drops_what_the_checks_flag(self):
        with tempfile.TemporaryDirectory() as tmp:
            archive(os.path.join(tmp, "往年报告"))
            out = os.path.join(tmp, ".reportls", "phrases")
            proc = subprocess.run([BINARY, "phrases", "mine", "-o", out, os.path.join(tmp, "往年报告")],
                                  capture_output=True, text=True, timeout=120)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertIn("3 篇报告", proc.stderr)
            # 截止目前 is a typo terms.misuse knows: any phrase with it is dropped and named.
            self.assertIn("截止目前", proc.stderr)
            self.assertIn("terms.misuse", proc.stderr)
            with open(os.path.join(out, "mined-1.phrases.json"), encoding="utf-8") as f:
                mined = json.load(f)
            self.assertTrue(mined["mined"])
            texts = {p["text"]: p for p in mined["phrases"]}
            self.assertIn("扎实推进乡村振兴法治保障工作", texts)
            self.assertEqual(texts["扎实推进乡村振兴法治保障工作"]["weight"], 3)
            self.assertFalse(any("截止" in t for t in texts))
            self.assertFalse(any(c.isdigit() for t in texts for c in t))

    def test_options_before_the_command_reach_it(self):
        """`reportls --plugin-dir D phrases mine …`: the command is reportls-phrases beside reportls,
        and what came before its name is passed on."""
        with tempfile.TemporaryDirectory() as tmp:
            archive(os.path.join(tmp, "往年报告"))
            out = os.path.join(tmp, "out")
            proc = subprocess.run([BINARY, "--plugin-dir", os.path.join(tmp, "没有插件"), "phrases", "mine",
                                   "--min-reports", "3", "-o", out, os.path.join(tmp, "往年报告")],
                                  capture_output=True, text=True, timeout=120)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertTrue(os.path.exists(os.path.join(out, "mined-1.phrases.json")))

    def test_an_archive_with_nothing_shared_gives_no_phrases_and_no_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, "往年报告")
            archive(folder)
            for name in sorted(os.listdir(folder))[1:]:
                os.remove(os.path.join(folder, name))
            out = os.path.join(tmp, "out")
            proc = subprocess.run([BINARY, "phrases", "mine", "-o", out, folder],
                                  capture_output=True, text=True, timeout=120)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertIn("1 篇报告，得到 0 条短语", proc.stderr)
            # An input that cannot be read is named, and the exit code says so.
            proc = subprocess.run([BINARY, "phrases", "mine", "-o", out, os.path.join(tmp, "没有")],
                                  capture_output=True, text=True, timeout=120)
            self.assertEqual(proc.returncode, 2)
            self.assertIn("没有", proc.stderr)
            self.assertIn("0 篇报告", proc.stderr)

    def test_an_unknown_command_is_a_usage_error(self):
        for name in ("nosuch", "../bin/reportls"):
            proc = subprocess.run([BINARY, name, "x"], capture_output=True, text=True, timeout=30)
            self.assertEqual(proc.returncode, 2, name)
            self.assertIn("未知命令", proc.stderr)

    def test_usage_errors(self):
        for args in (["phrases"], ["phrases", "learn", "x"], ["phrases", "mine"],
                     ["phrases", "mine", "--min-reports", "0", "x"]):
            proc = subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=30)
            self.assertEqual(proc.returncode, 2, args)


class MinedCompletion(ServerTest):
    """A report in the workspace completes with the office's own phrasing."""
    OPTIONS = {"debounce": 0}

    def test_the_workspace_phrases_continue_typed_chinese(self):
        with tempfile.TemporaryDirectory() as tmp:
            archive(os.path.join(tmp, "往年报告"))
            subprocess.run([BINARY, "phrases", "mine", "-o", os.path.join(tmp, ".reportls", "phrases"),
                            os.path.join(tmp, "往年报告")], capture_output=True, check=True, timeout=120)
            uri = file_uri(os.path.join(tmp, "draft.txt"))
            text = "某县2023年度法治政府建设情况报告\n\n2023年，我县扎实推进乡村振"
            self.client.open(uri, text)
            result = self.client.result("textDocument/completion", {
                "textDocument": {"uri": uri}, "position": {"line": 2, "character": len(text.split("\n")[2])}})
            labels = [i["label"] for i in result["items"]]
            self.assertIn("扎实推进乡村振兴法治保障工作", labels[:5])


if __name__ == "__main__":
    run()
