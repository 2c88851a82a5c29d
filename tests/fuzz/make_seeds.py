#!/usr/bin/env python3
"""Writes the seed inputs of tests/fuzz/seeds/ (committed; rerun after changing an input format).

  seeds/transport/  byte 0 = max_body class, then a client byte stream: real LSP frames, several
                    frames in one stream, garbage before a header, bad and huge Content-Length…
  seeds/edits/      byte 0 = initial text size class, the initial text, then edit records
                    (flags, start line/char, end line/char, text length, text) as edits_fuzz reads
  seeds/text/       short report fragments for report/figures/plugins (the five corpus reports in
                    tests/corpus/ are added by run.sh and the replay tests)
"""
import json
import os
import struct

here = os.path.dirname(os.path.abspath(__file__))


def write(folder, name, data):
    d = os.path.join(here, "seeds", folder)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def frame(obj_or_body, header_extra=b""):
    body = obj_or_body if isinstance(obj_or_body, bytes) else json.dumps(
        obj_or_body, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n" % len(body) + header_extra + b"\r\n" + body


REPORT = ("某县人民政府关于2023年法治政府建设情况的报告\n"
          "一、主要工作\n（一）依法决策。全年共办理案件120件，其中行政复议80件、诉讼30件、调解10件。\n"
          "1.加强制度建设。一是完善规则；二是强化监督。\n（1）办结率达98.5%，同比下降3%。\n"
          "二、存在问题\n## Markdown 标题\n)依法行政\n某县人民政府\n2024年1月5日\n")

init = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": None, "rootUri": None, "capabilities": {
            "general": {"positionEncodings": ["utf-8", "utf-16"]}}}}
did_open = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
    "uri": "file:///r.txt", "languageId": "report", "version": 1, "text": REPORT}}}
did_change = {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": "file:///r.txt", "version": 2},
    "contentChanges": [{"range": {"start": {"line": 1, "character": 2},
                                  "end": {"line": 1, "character": 4}}, "text": "😀工作"}]}}
hover = {"jsonrpc": "2.0", "id": "h", "method": "textDocument/hover", "params": {
    "textDocument": {"uri": "file:///r.txt"}, "position": {"line": 2, "character": 12}}}
resp = {"jsonrpc": "2.0", "id": 7, "result": [{"debounce": 0}]}
err = {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "x"}}

write("transport", "initialize", b"\0" + frame(init))
write("transport", "session", b"\0" + frame(init) + frame(did_open) + frame(did_change) +
      frame(hover) + frame(resp) + frame(err) +
      frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) +
      frame({"jsonrpc": "2.0", "method": "exit"}))
write("transport", "content_type", b"\0" + frame(hover, b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"))
write("transport", "garbage_then_frame", b"\0garbage\r\n\r\nxyzContent-Length: 2\r\n\r\n{}" + frame(init))
write("transport", "bare_newlines", b"\0content-length: 2\n\n[]\ncontent-length:2\n\n{}")
write("transport", "bad_headers", b"\0Content-Length: -1\r\n\r\n{}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"
      b"Content-Length: 99999999999\r\n\r\nContent-Length 5\r\n\r\nhello" + frame(resp))
write("transport", "max_body_small", b"\x02" + frame(did_open) + frame(hover))
write("transport", "truncated", b"\x03" + frame(did_open)[:-10])
write("transport", "deep_nesting", b"\0" + frame(b"[" * 600 + b"]" * 600) + frame(b'{"a":' * 20 + b"1" + b"}" * 20))
write("transport", "invalid_utf8", b"\0" + frame(b'{"jsonrpc":"2.0","method":"x\xe4\xb8","params":{"t":"\xff"}}'))
write("transport", "batch", b"\0" + frame(b'[{"jsonrpc":"2.0","method":"a"}]') + frame(b'{"jsonrpc":"1.0","id":1.5,"method":3}'))


def edits(size_class, initial, records):
    sizes = [0, 8, 64, 512]
    n = sizes[size_class]
    init_bytes = initial.encode("utf-8")[:n]
    init_bytes = init_bytes + b" " * (n - len(init_bytes))
    out = bytes([size_class]) + init_bytes
    for flags, sl, sc, el, ec, text in records:
        t = text if isinstance(text, bytes) else text.encode("utf-8")
        out += bytes([flags, sl, sc, el, ec, len(t)]) + t
    return out


write("edits", "insert_cjk_utf16", edits(2, "一、主要工作\r\n（一）依法决策\n😀𠮷\rend",
      [(0, 0, 2, 0, 2, "加强"), (0, 2, 1, 2, 3, "x"), (0, 1, 0, 0, 0, "\r\n")]))
write("edits", "utf8_positions", edits(2, "一、主要工作\n二、存在问题\n",
      [(1, 0, 4, 0, 7, "é"), (1, 1, 1, 1, 200, ""), (5, 0, 0, 9, 9, "a\nb")]))
write("edits", "whole_and_invalid", edits(1, "abc",
      [(2, 0, 0, 0, 0, b"\xe4\xb8\n\xff\xc0\xafz"), (0, 0, 1, 0, 2, b"\xed\xa0\x80"), (4, 0, 0, 0, 0, "\r")]))
write("edits", "crlf_split", edits(1, "a\r\nb\r\nc",
      [(0, 0, 1, 1, 0, "\n"), (0, 0, 1, 0, 0, "\r"), (1, 0, 0xF5, 0, 0, "z")]))
write("edits", "empty_start", edits(0, "", [(0, 0, 0, 0, 0, "第一行\n第二行"), (0, 3, 0, 0, 0, "x"),
                                           (0, 0, 0xFE, 0, 0, "y")]))
write("edits", "big", edits(3, REPORT, [(0, 3, 5, 2, 1, "（二）"), (4, 1, 0, 2, 0, "y"), (1, 8, 10, 8, 30, "")]))

write("text", "fragment.txt", REPORT)
write("text", "figures.txt", "一、工作情况\n全年受理案件1,234件，其中民事案件1000件、刑事案件200件，办结率为99.95%。"
      "2022年共化解矛盾纠纷2966.3万余元，比2021年减少了12.5%。近6400余件，１２件，两百零五人，约3至5个。\n"
      "（一）复议情况。共收到复议申请50件，分别为：维持30件、撤销15件、其他5件，占比60%。\n")
write("text", "debris.txt", "首页 > 政务公开 > 法治政府\n[ 成文日期 ] 2024-02-29\n发布日期:2021-02-03\n扫一扫\n□□□\n"
      "中国政府网 | 重庆市人民政府网\n上一条：无\n")
write("text", "headings.txt", "# 标题\n###### 六级\n一.一、\n(一)依法\n（1）、二\n1)三\n1．四\n1.5亿元\n2022年\n一是\n"
      "一方面\n十、十\n（十一）十一\n999.大\n\u3000\u3000二、缩进\r\n三、\r四、lone cr\n")
write("text", "tables.txt", "某区2023年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
      "| （本列数据的勾稽关系为…） | 自然人 | 法人或其他组织/商业企业 | 总计 |\n|---|---|:-:|---|\n"
      "| 一、本年新收政府信息公开申请数量 | 5 | 1 | 6 |\n| | （七）总计 | 1 | \\| |\n\n"
      "规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 | 1 | 25 |\n"
      "四、结转下年度继续办理 0 0 0 0 0 0 0\n三、本年度办理结果\n（一）予以公开 1 - 0 0 0 0 1\n"
      "信息内容\t本年处理决定数量\n行政许可\t0\n\n规章\n\n0\n\n0\n\n规范性文件\n\n0\n\n0\n")
write("text", "crlf_bom.txt", "\ufeff某市2020年法治政府建设年度报告\r\n\r\n一、总体情况\r\n　　推进依法行政。\r\n")
