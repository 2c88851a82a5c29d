"""Lifecycle and JSON-RPC behaviour of the server, as an editor sees it."""
from lsp_client import Client, ServerTest, frame, run


class BeforeInitialize(ServerTest):
    INIT = False

    def test_request_before_initialize_is_refused_with_32002(self):
        msg = self.client.request("textDocument/documentSymbol", {"textDocument": {"uri": "file:///x"}})
        self.assertEqual(msg["error"]["code"], -32002)
        # ...and the server still initializes afterwards.
        self.assertIn("capabilities", self.client.initialize())

    def test_utf16_is_the_default_and_utf8_is_taken_when_offered(self):
        caps = self.client.initialize(capabilities={"general": {"positionEncodings": ["utf-8", "utf-16"]}})
        self.assertEqual(caps["capabilities"]["positionEncoding"], "utf-8")

    def test_exit_without_shutdown_exits_1(self):
        self.client.initialize()
        self.client.notify("exit")
        self.assertEqual(self.client.wait(), 1)

    def test_end_of_input_without_exit_exits_1(self):
        self.client.initialize()
        self.client.proc.stdin.close()
        self.assertEqual(self.client.wait(), 1)


class Initialized(ServerTest):
    def test_capabilities(self):
        caps = self.init_result["capabilities"]
        self.assertEqual(caps["positionEncoding"], "utf-16")
        self.assertEqual(caps["textDocumentSync"]["change"], 2)
        self.assertTrue(caps["documentSymbolProvider"])
        self.assertTrue(caps["foldingRangeProvider"])
        self.assertEqual(self.init_result["serverInfo"]["name"], "reportls")

    def test_shutdown_then_exit_exits_0(self):
        self.assertEqual(self.client.shutdown_and_exit(), 0)

    def test_requests_after_shutdown_are_refused(self):
        self.client.result("shutdown")
        msg = self.client.request("textDocument/documentSymbol", {"textDocument": {"uri": "file:///x"}})
        self.assertEqual(msg["error"]["code"], -32600)
        self.client.notify("exit")
        self.assertEqual(self.client.wait(), 0)

    def test_unknown_request_gets_32601_and_unknown_notification_is_ignored(self):
        self.client.notify("custom/whatever", {"x": 1})
        msg = self.client.request("custom/unknown", {})
        self.assertEqual(msg["error"]["code"], -32601)

    def test_second_initialize_is_refused(self):
        self.assertEqual(self.client.request("initialize", {"capabilities": {}})["error"]["code"], -32600)

    def test_malformed_json_gets_32700_and_the_server_keeps_serving(self):
        self.client.send_raw(frame(b'{"jsonrpc": "2.0", "id": 5, "method": '))
        msg = self.client.next_response()
        self.assertEqual(msg["error"]["code"], -32700)
        self.assertIsNone(msg["id"])
        # A valid request right after is answered.
        self.assertEqual(self.client.request("custom/unknown")["error"]["code"], -32601)

    def test_batch_array_gets_32600(self):
        self.client.send_raw(frame(b'[{"jsonrpc": "2.0", "id": 9, "method": "shutdown"}]'))
        msg = self.client.next_response()
        self.assertEqual(msg["error"]["code"], -32600)
        self.assertEqual(self.client.request("custom/unknown")["error"]["code"], -32601)

    def test_garbage_and_broken_headers_do_not_stop_the_server(self):
        self.client.send_raw(b"garbage garbage\r\n\r\n")
        self.client.send_raw(b"Content-Length: -5\r\n\r\n")
        self.client.send_raw(b"Content-Length: 99999999999999\r\n\r\n")
        msg = self.client.request("custom/unknown")
        self.assertEqual(msg["error"]["code"], -32601)
        errors = [m["error"]["code"] for m in self.client.seen if "error" in m and m.get("id") is None]
        self.assertGreaterEqual(len(errors), 2)
        self.assertEqual(set(errors), {-32700})

    def test_wrong_parameter_types_get_32602(self):
        msg = self.client.request("textDocument/documentSymbol", {"textDocument": {"uri": 42}})
        self.assertEqual(msg["error"]["code"], -32602)
        self.assertIn("params.textDocument.uri", msg["error"]["message"])  # which field was wrong
        msg = self.client.request("textDocument/hover", {"textDocument": {"uri": "file:///x"}, "position": {"line": "0", "character": 0}})
        self.assertEqual(msg["error"]["code"], -32602)
        self.assertIn("params.position.line", msg["error"]["message"])
        msg = self.client.request("textDocument/documentSymbol", {"textDocument": {"uri": "file:///not-open"}})
        self.assertEqual(msg["error"]["code"], -32602)

    def test_cancel_request_answers_32800(self):
        # With a long debounce the pull request waits for the analysis: cancel it meanwhile.
        self.client.notify("workspace/didChangeConfiguration", {"settings": {"reportls": {"debounce": 5000}}})
        self.client.open("file:///tmp/cancel.txt", "一、工作情况\n")
        rid = self.client.send_request("textDocument/diagnostic", {"textDocument": {"uri": "file:///tmp/cancel.txt"}})
        self.client.notify("$/cancelRequest", {"id": rid})
        self.assertEqual(self.client.response(rid)["error"]["code"], -32800)
        self.assertEqual(self.client.shutdown_and_exit(), 0)


if __name__ == "__main__":
    run()
