"""The edit model: random incremental edits sent over LSP leave the server's copy of the document
equal to the client's, in UTF-16 and in UTF-8 position encoding.

The server's copy is observed through the `digest` test plugin, which reports the version, the
length and an FNV-1a hash of the text it analysed (in reportls/documentStatus facts).  Edits mix
CJK, characters outside the BMP, combining marks, CRLF and lone CR line ends, edits at both ends,
across lines, and positions past the end of a line or of the document (which the server clamps).
"""
import os
import random

from lsp_client import TEST_PLUGINS, ServerTest, run

SEQUENCES = int(os.environ.get("REPORTLS_EDIT_SEQUENCES", "5000"))  # per encoding
PIECES = ["法", "治", "a", "Z", " ", "𠮷", "😀", "e\u0301", "\n", "\r\n", "\r", "×", "。", "一、"]
URI = "file:///tmp/reportls-e2e/edit-model.txt"


def fnv(data):
    h = 1469598103934665603
    for b in data:
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def line_starts(text):
    """Start index of every line; \n, \r\n and a lone \r end a line (LSP)."""
    starts, i = [0], 0
    while i < len(text):
        if text[i] == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            i += 2
            starts.append(i)
        elif text[i] in "\r\n":
            i += 1
            starts.append(i)
        else:
            i += 1
    return starts


def unit_len(s, utf8):
    return len(s.encode("utf-8")) if utf8 else len(s.encode("utf-16-le")) // 2


def line_content_end(text, starts, line):
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    while end > starts[line] and text[end - 1] in "\r\n":
        end -= 1
    return end


def to_index(text, line, character, utf8):
    """Client model of the server's clamping: past the last line -> end of text; past the end
    of a line -> the line's end."""
    starts = line_starts(text)
    if line >= len(starts):
        return len(text)
    i, end, units = starts[line], line_content_end(text, starts, line), 0
    while i < end:
        w = unit_len(text[i], utf8)
        if units + w > character:
            break
        units += w
        i += 1
    return i


def random_position(rng, text, utf8):
    starts = line_starts(text)
    if rng.random() < 0.03:  # far beyond the end
        return {"line": len(starts) + rng.randrange(5), "character": rng.randrange(50)}
    line = rng.randrange(len(starts))
    segment = text[starts[line]:line_content_end(text, starts, line)]
    chars = rng.randrange(len(segment) + 1)
    character = unit_len(segment[:chars], utf8)
    if rng.random() < 0.03:  # past the end of the line
        character += 1 + rng.randrange(10)
    return {"line": line, "character": character}


class EditModel(ServerTest):
    ARGS = ("--plugin-dir", os.path.join(TEST_PLUGINS, "digest"))
    INIT = False

    def check_encoding(self, utf8, seed):
        caps = {"general": {"positionEncodings": ["utf-8"]}} if utf8 else {}
        result = self.client.initialize({"debounce": 0}, caps)
        self.assertEqual(result["capabilities"]["positionEncoding"], "utf-8" if utf8 else "utf-16")
        rng = random.Random(seed)
        text = "一、工作情况\r\n法治𠮷\n"
        version = 1
        self.client.open(URI, text, version)
        for sequence in range(SEQUENCES):
            version += 1
            changes = []
            if len(text) > 400 or rng.random() < 0.01:
                text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(30)))
                changes.append({"text": text})
            for _ in range(rng.randrange(1, 4)):
                a, b = random_position(rng, text, utf8), random_position(rng, text, utf8)
                ia, ib = to_index(text, a["line"], a["character"], utf8), to_index(text, b["line"], b["character"], utf8)
                if (ia, a["line"], a["character"]) > (ib, b["line"], b["character"]):
                    a, b, ia, ib = b, a, ib, ia
                new = "".join(rng.choice(PIECES) for _ in range(rng.randrange(4)))
                # A replacement must not cut a \r\n pair in the client's model either.
                changes.append({"range": {"start": a, "end": b}, "text": new})
                text = text[:ia] + new + text[max(ia, ib):]
            self.client.change(URI, version, changes)
            data = text.encode("utf-8")
            expected = "%d:%d:%016x" % (version, len(data), fnv(data))
            status = self.client.wait_notification(
                "reportls/documentStatus",
                lambda p: p["uri"] == URI and p["facts"].get("digest", "").startswith("%d:" % version))
            self.assertEqual(status["facts"]["digest"], expected,
                             "sequence %d diverged; client text %r" % (sequence, text))
            self.client.notifications.clear()
            self.client.seen.clear()
        self.assertEqual(self.client.shutdown_and_exit(), 0)

    def test_utf16(self):
        self.check_encoding(False, 1)

    def test_utf8(self):
        self.check_encoding(True, 2)


if __name__ == "__main__":
    run()
