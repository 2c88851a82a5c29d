"""Incremental analysis: after a run of keystrokes, a document is published with exactly the
diagnostics a fresh server gives the same text.

After a keystroke every analyzer reads again only what the change touched: the shared parse is
derived from the previous one around the change, and line caches hand back what was found in the
lines it did not touch, shifted to where they are now.  A stale or misplaced entry shows here as a
diagnostic at the wrong place, one too many or one missing.  The edits are those an author makes
in the corpus reports: characters typed and deleted, lines split and joined, ordinals, figures and
quotes typed, a paragraph pasted; some follow each other faster than the analysis (the analysis
of the version before is cancelled), most are analysed one by one.
"""
import json
import random

from lsp_client import Client, ServerTest, corpus, run

REPORTS = ["wuding-county-office-2022.txt", "xiushan-county-2023.txt", "yuncheng-district-2022.txt",
           "zhaotong-city-2020.txt", "cangxi-rural-revitalization-bureau-2023.txt"]
PIECES = ["的", "，", "。", "二是", "三是", "（三）", "2.", "一、", "\n", "2023年", "120件", "45%", " ", "“",
          "”", "（", "法治政府建设", "𠮷", "\n（一）加强组织领导\n", "全年共办理行政复议案件15件，其中维持10件、撤销3件。\n"]
EDITS = 60
SEED = 18


def position(text, index):
    """The LSP position (UTF-16) of str index `index` of text."""
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return {"line": line, "character": len(text[start:index].encode("utf-16-le")) // 2}


def canonical(diagnostics):
    return sorted(json.dumps(d, ensure_ascii=False, sort_keys=True) for d in diagnostics)


class IncrementalEqualsFresh(ServerTest):
    OPTIONS = {"debounce": 0}

    def edit(self, uri, text, version, rng):
        """One random edit of text, sent as version; returns the new text."""
        start = rng.randrange(len(text) + 1)
        if rng.random() < 0.4 and start < len(text):
            end = min(len(text), start + rng.randint(1, 6))
            new = ""
        else:
            end = start
            new = rng.choice(PIECES)
        self.client.change(uri, version, [{"range": {"start": position(text, start), "end": position(text, end)},
                                           "text": new}])
        return text[:start] + new + text[end:]

    def test_each_corpus_report_after_keystrokes(self):
        rng = random.Random(SEED)
        for name in REPORTS:
            with self.subTest(report=name):
                uri = "file:///tmp/reportls-e2e/incremental/" + name
                text = corpus(name)
                self.client.open(uri, text)
                self.client.published(uri, 1)
                version = 1
                for k in range(EDITS):
                    version += 1
                    text = self.edit(uri, text, version, rng)
                    # Else the next edit comes before this one's analysis ends.
                    if k == EDITS - 1 or rng.random() < 0.8:
                        kept = self.client.published(uri, version)["diagnostics"]
                self.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

                fresh_server = Client()
                try:
                    fresh_server.initialize({"debounce": 0})
                    fresh_server.open(uri, text)
                    fresh = fresh_server.published(uri, 1)["diagnostics"]
                    fresh_server.shutdown_and_exit()
                finally:
                    fresh_server.close()
                self.assertTrue(fresh, "the corpus reports all have findings")
                self.assertEqual(canonical(kept), canonical(fresh))


if __name__ == "__main__":
    run()
