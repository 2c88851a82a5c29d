"""Hostile input over the wire: every case is followed by a valid request that must still be
answered, and the server must still shut down cleanly."""
from lsp_client import ServerTest, frame, run

URI = "file:///tmp/reportls-e2e/hostile.txt"


class Hostile(ServerTest):
    def assert_alive(self):
        self.assertEqual(self.client.request("custom/ping")["error"]["code"], -32601)

    def tearDown(self):
        self.assertEqual(self.client.shutdown_and_exit(), 0)

    def test_deep_nesting_is_refused_without_crashing(self):
        body = b'{"jsonrpc":"2.0","id":1,"method":"x","params":' + b"[" * 10000 + b"]" * 10000 + b"}"
        self.client.send_raw(frame(body))
        self.assertEqual(self.client.next_response()["error"]["code"], -32700)
        self.assert_alive()

    def test_invalid_utf8_in_a_message_is_a_parse_error(self):
        body = b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///x","languageId":"plaintext","version":1,"text":"\xff\xfe\xc3"}}}'
        self.client.send_raw(frame(body))
        self.assertEqual(self.client.next_response()["error"]["code"], -32700)
        self.assert_alive()

    def test_a_json_value_that_is_not_a_message(self):
        for body in (b"42", b'"text"', b"null", b'{"jsonrpc":"1.0","id":1,"method":"x"}',
                     b'{"jsonrpc":"2.0","id":{"a":1},"method":"x"}'):
            self.client.send_raw(frame(body))
            self.assertEqual(self.client.next_response()["error"]["code"], -32600, body)
        self.assert_alive()

    def test_positions_far_beyond_the_end_are_clamped(self):
        self.client.open(URI, "一、工作情况\n法治××\n")
        far = {"line": 10 ** 9, "character": 10 ** 9}
        self.client.result("textDocument/completion", {"textDocument": {"uri": URI}, "position": far})
        self.client.result("textDocument/hover", {"textDocument": {"uri": URI}, "position": far})
        self.client.result("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": {"start": far, "end": far}, "context": {"diagnostics": []}})
        self.client.change(URI, 2, [{"range": {"start": far, "end": far}, "text": "尾"}])
        negative = {"line": -1, "character": 0}
        msg = self.client.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": negative})
        self.assertEqual(msg["error"]["code"], -32602)
        self.assert_alive()

    def test_versions_going_backwards_are_accepted_and_logged(self):
        self.client.open(URI, "甲", version=5)
        self.client.change(URI, 3, [{"text": "乙"}])
        self.client.wait_notification("window/logMessage", lambda p: "版本倒退" in p["message"])
        symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": URI}})
        self.assertEqual(symbols, [])
        self.assert_alive()

    def test_a_50_mb_document(self):
        paragraph = "全县依法全面履行政府职能，深化放管服改革，办理事项1202项。\n"
        text = "某县2023年度法治政府建设情况报告\n一、主要举措和成效\n" + paragraph * (50 * 1024 * 1024 // len(paragraph.encode()))
        self.client.open(URI, text)
        # Generous: this also runs under the sanitizers; the benchmark measures speed.
        symbols = self.client.result("textDocument/documentSymbol", {"textDocument": {"uri": URI}}, timeout=300)
        self.assertEqual([s["name"] for s in symbols], ["某县2023年度法治政府建设情况报告", "一、主要举措和成效"])
        self.assert_alive()

    def test_a_200000_line_document(self):
        text = "".join("第%d行。\n" % i for i in range(200000))
        self.client.open(URI, text)
        self.client.change(URI, 2, [{"range": {"start": {"line": 199999, "character": 0}, "end": {"line": 199999, "character": 1}}, "text": "末"}])
        self.client.result("textDocument/foldingRange", {"textDocument": {"uri": URI}}, timeout=300)
        self.assert_alive()


if __name__ == "__main__":
    run()
