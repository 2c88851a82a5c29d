"""Completions of the phrasing plugin as the editor receives them: items, ranking, exact
textEdit ranges in UTF-16, snippets and completionItem/resolve."""
import os

from lsp_client import CORPUS, EDITOR_CAPABILITIES, ServerTest, corpus, file_uri, run

URI = "file:///tmp/reportls-e2e-completion/draft.txt"


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


class Completion(ServerTest):
    def complete(self, text, uri=URI, line=None, character=None):
        """Opens text and completes at its end (or at line/character in UTF-16)."""
        self.client.open(uri, text)
        lines = text.split("\n")
        if line is None:
            line, character = len(lines) - 1, utf16_len(lines[-1])
        return self.client.result("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": character}})

    def item(self, result, label):
        found = [i for i in result["items"] if i["label"] == label]
        self.assertTrue(found, "no item %s in %s" % (label, [i["label"] for i in result["items"]][:10]))
        return found[0]

    def assertRange(self, item, line, start, end):
        self.assertEqual(item["textEdit"]["range"], {"start": {"line": line, "character": start},
                                                     "end": {"line": line, "character": end}})

    def test_chinese_inside_a_phrase(self):
        # Typed text a phrase has inside it: the item rewrites it (ranked after the phrases that
        # continue it, which for 习近平 alone fill the list).
        result = self.complete("学习贯彻习近平")
        item = self.item(result, "深入学习贯彻习近平法治思想")
        self.assertRange(item, 0, 0, 7)
        self.assertEqual(item["textEdit"]["newText"], "深入学习贯彻习近平法治思想")
        self.assertEqual(item["filterText"], "学习贯彻习近平法治思想")

    def test_pinyin_initials_and_full_pinyin(self):
        for typed in ("xjp", "xijinping"):
            with self.subTest(typed=typed):
                result = self.complete("坚持" + typed)
                item = self.item(result, "深入学习贯彻习近平法治思想")
                self.assertRange(item, 0, 2, 2 + len(typed))
                self.assertTrue(item["filterText"].startswith(typed))

    def test_range_after_characters_outside_the_bmp(self):
        # 𠮷 and 😀 are two UTF-16 code units each.
        result = self.complete("𠮷😀深入学")
        self.assertRange(self.item(result, "深入学习贯彻习近平法治思想"), 0, 4, 7)
        result = self.complete("第二行\n𠮷xjp")
        self.assertRange(self.item(result, "深入学习贯彻习近平法治思想"), 1, 2, 5)

    def test_a_phrase_of_the_enclosing_section_with_its_section_and_source(self):
        # The ranking itself (a phrase of the section counts as used by twice as many reports) is
        # tested in tests/analyzers/phrasing/ranking_test.cpp; here, what the editor receives.
        name = "xiushan-county-2023.txt"
        lines = corpus(name).split("\n")
        heading = next(i for i, l in enumerate(lines) if l.strip().startswith("三、存在的问题和不足"))
        lines.insert(heading + 1, "法治思维")
        result = self.complete("\n".join(lines), file_uri(os.path.join(CORPUS, name)),
                               heading + 1, 4)
        item = self.item(result, "法治思维和依法行政能力有待进一步提升")
        self.assertEqual(item["detail"], "存在的不足和原因")
        self.assertRange(item, heading + 1, 0, 4)
        resolved = self.client.result("completionItem/resolve", item)
        self.assertEqual(resolved["documentation"]["kind"], "markdown")
        self.assertIn("存在的不足和原因", resolved["documentation"]["value"])
        self.assertIn("default.phrases.json", resolved["documentation"]["value"])

    def test_missing_required_heading_with_the_next_ordinal(self):
        name = "wuding-county-office-2022.txt"
        text = corpus(name).rstrip("\n") + "\n四、党政"
        result = self.complete(text, file_uri(os.path.join(CORPUS, name)))
        item = self.item(result, "四、党政主要负责人履行推进法治建设第一责任人职责情况")
        self.assertRange(item, text.count("\n"), 0, 4)
        self.assertEqual(item["detail"], "缺少的必备章节")

    def test_next_enumeration_marker(self):
        result = self.complete("一、主要举措和成效\n一是加强组织领导。")
        first = min(result["items"], key=lambda i: i["sortText"])
        self.assertEqual(first["label"], "二是")
        self.assertRange(first, 1, 9, 9)

    def test_snippet_placeholders_without_a_year(self):
        item = self.item(self.complete("现将"), "现将20××年度法治政府建设情况报告如下：")
        self.assertEqual(item["insertTextFormat"], 2)
        self.assertEqual(item["textEdit"]["newText"], "现将${1:20××}年度法治政府建设情况报告如下：")

    def test_not_incomplete_when_not_truncated(self):
        self.assertFalse(self.complete("xjp")["isIncomplete"])


def units(s, utf8):
    return len(s.encode("utf-8")) if utf8 else len(s.encode("utf-16-le")) // 2


def index(line, character, utf8):
    """The str index of a position's character on one line."""
    n = 0
    for i, ch in enumerate(line):
        if n >= character:
            return i
        n += units(ch, utf8)
    return len(line)


class TypingLetterByLetter(ServerTest):
    """Types as VS Code does: a didChange per key, then a completion request while the last list
    was incomplete; once a list is complete the editor filters it itself (an item stays while its
    filterText starts with what was typed since its range's start) and the replace range grows to
    the cursor.  Accepting applies the item's textEdit; the document text is asserted."""
    UTF8 = False

    @classmethod
    def setUpClass(cls):
        cls.CAPABILITIES = dict(EDITOR_CAPABILITIES, general={"positionEncodings": ["utf-8"]}) if cls.UTF8 else None

    def type_and_accept(self, before, keys, label, uri=URI):
        self.client.open(uri, before)
        text, version, items, complete, incomplete = before, 1, None, False, []
        for key in keys:
            line = text.split("\n")[-1]
            position = {"line": text.count("\n"), "character": units(line, self.UTF8)}
            version += 1
            self.client.change(uri, version, [{"range": {"start": position, "end": position}, "text": key}])
            text += key
            cursor = units(text.split("\n")[-1], self.UTF8)
            if not complete:
                result = self.client.result("textDocument/completion", {
                    "textDocument": {"uri": uri}, "position": {"line": text.count("\n"), "character": cursor},
                    "context": {"triggerKind": 1 if items is None else 3}})
                items, complete = result["items"], not result["isIncomplete"]
                incomplete.append(result["isIncomplete"])
            else:
                line = text.split("\n")[-1]
                items = [i for i in items if i.get("filterText", i["label"]).lower().startswith(
                    line[index(line, i["textEdit"]["range"]["start"]["character"], self.UTF8):].lower())]
        found = [i for i in items if i["label"] == label]
        self.assertTrue(found, "no %s after typing %s: %s" % (label, keys, [i["label"] for i in items][:8]))
        edit = found[0]["textEdit"]
        lines = text.split("\n")
        line = lines[-1]
        start = index(line, edit["range"]["start"]["character"], self.UTF8)
        lines[-1] = line[:start] + edit["newText"]  # the range ends at the cursor, the end of the line
        version += 1
        self.client.change(uri, version, [{"text": "\n".join(lines)}])
        return "\n".join(lines), incomplete

    def test_x_xj_xjp_then_accept(self):
        text, incomplete = self.type_and_accept("𠮷全面依法治国。", "xjpf", "深入学习贯彻习近平法治思想")
        self.assertEqual(text, "𠮷全面依法治国。深入学习贯彻习近平法治思想")
        # After x and xj the editor must ask again; from xjp on it filters itself.
        self.assertEqual(incomplete, [True, True, False])

    def test_chinese_already_typed_is_not_written_twice(self):
        for before, keys, label, after in (
                ("𠮷深入学习贯彻", "xjpfz", "深入学习贯彻习近平法治思想", "𠮷深入学习贯彻习近平法治思想"),
                ("𠮷。坚持以", "xjp", "坚持以习近平新时代中国特色社会主义思想为指导",
                 "𠮷。坚持以习近平新时代中国特色社会主义思想为指导")):
            with self.subTest(before=before):
                self.assertEqual(self.type_and_accept(before, keys, label, URI + before)[0], after)

    def test_v_for_u_umlaut(self):
        self.assertEqual(self.type_and_accept("𠮷", "lvxing", "依法全面履行政府职能")[0], "𠮷依法全面履行政府职能")


class TypingLetterByLetterUtf8(TypingLetterByLetter):
    UTF8 = True


class CompletionWithYear(ServerTest):
    OPTIONS = {"debounce": 0, "reportYear": 2021}

    def test_the_report_year_setting_fills_20xx(self):
        self.client.open(URI, "现将")
        result = self.client.result("textDocument/completion", {
            "textDocument": {"uri": URI}, "position": {"line": 0, "character": 2}})
        item = next(i for i in result["items"] if i["label"] == "现将2021年度法治政府建设情况报告如下：")
        self.assertEqual(item["insertTextFormat"], 1)
        self.assertEqual(item["textEdit"]["newText"], "现将2021年度法治政府建设情况报告如下：")


if __name__ == "__main__":
    run()
