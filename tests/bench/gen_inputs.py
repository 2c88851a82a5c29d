#!/usr/bin/env python3
"""Generates the benchmark inputs from tests/corpus into OUT (never into the source tree).

    gen_inputs.py CORPUS_DIR OUT_DIR

OUT_DIR/
  one-line.txt              start-up baseline for `reportls check`: a one-line report (一、总体情况),
                            which goes through the analysis process and gives no diagnostic
  empty.txt                 an empty file, which `check` refuses before any analysis (for comparison)
  concat-xN.txt             the five corpus reports concatenated, N times (N = 1 2 10 20 50 100)
  batch-xN/NNN.txt          N files, each the five reports concatenated (N = 1 10 100)
  Copy k of the five (k ≥ 1) has every long sentence marked （第k份）, so that no two copies share a
  paragraph: content-keyed caches then help no more than they would on N different reports.
  synthetic-1mb.txt         a 1 MiB report: headings 一、/（一）/1., corpus sentences, figures
  manifest.json             sizes, for the harness

Deterministic (fixed seed), and skipped when the manifest already matches the corpus.
"""
import hashlib
import json
import os
import random
import re
import sys

CONCAT_TIMES = (1, 2, 10, 20, 50, 100)
BATCH_TIMES = (1, 10, 100)
SYNTHETIC_BYTES = 1 << 20
GENERATOR_VERSION = 4

DIGITS = "零一二三四五六七八九"


def cn_number(n):
    """1..99 in Chinese numerals, the way headings spell them (十一, 二十, 二十三)."""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def cn_count(n):
    """1..999 in Chinese numerals (一百零五, 三百二十)."""
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return cn_number(rest)
    tail = "" if rest == 0 else ("零" + DIGITS[rest] if rest < 10 else ("一" if rest < 20 else "") + cn_number(rest))
    return DIGITS[hundreds] + "百" + tail


def copy_of(text, k):
    """Copy k of text: unchanged for k = 0, else every sentence-final 。 of a long line gets a mark."""
    if k == 0:
        return text
    mark = f"（第{cn_count(k)}份）。"
    return "\n".join(line[:-1] + mark if len(line) >= 20 and line.endswith("。") else line
                     for line in text.split("\n"))


def read_corpus(corpus_dir):
    names = sorted(n for n in os.listdir(corpus_dir) if n.endswith(".txt"))
    texts = []
    for n in names:
        with open(os.path.join(corpus_dir, n), encoding="utf-8") as f:
            texts.append(f.read())
    return names, texts


def harvest(texts):
    """Sentences and heading titles taken from the real reports."""
    sentences, l1, l2, l3 = [], [], [], []
    h1 = re.compile(r"^[一二三四五六七八九十]+、(.{4,30})$")
    h2 = re.compile(r"^[（(][一二三四五六七八九十]+[)）]([^。]{4,40})")
    h3 = re.compile(r"^\d+[.．]([^。]{4,40})")
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            if m := h1.match(line):
                l1.append(m.group(1))
                continue
            if m := h2.match(line):
                l2.append(m.group(1).rstrip("。"))
                line = line[m.end():]
            elif m := h3.match(line):
                l3.append(m.group(1).rstrip("。"))
                line = line[m.end():]
            for s in re.findall(r"[^。！？]+[。！？]", line):
                s = s.strip()
                # body sentences only: no web-page debris, no enumerations that start a heading
                if 12 <= len(s) <= 160 and not re.match(r"^[（(]?[一二三四五六七八九十\d]+[、)）.]", s) \
                        and "|" not in s and "[" not in s:
                    sentences.append(s)
    return sentences, sorted(set(l1)), sorted(set(l2)), sorted(set(l3))


NOUNS = ["行政复议案件", "行政诉讼案件", "信访事项", "法律援助案件", "人民调解案件", "行政处罚案件",
         "12345热线工单", "政府信息公开申请", "规范性文件备案", "矛盾纠纷"]
VERBS = ["培训执法人员", "开展普法宣传", "提供法律咨询", "组织学法考法", "接待来访群众"]


def figure_sentence(rng):
    kind = rng.randrange(5)
    noun = rng.choice(NOUNS)
    if kind == 0:
        total = rng.randint(20, 2000)
        done = rng.randint(total // 2, total)
        return (f"全年共受理{noun}{total}件，其中办结{done}件、正在办理{total - done}件，"
                f"办结率{done * 100 / total:.1f}%。")
    if kind == 1:
        x = rng.randint(100, 50000)
        p = rng.randint(1, 400) / 10
        return f"{rng.choice(VERBS)}{x}人次，同比{rng.choice(['增长', '下降'])}{p}%。"
    if kind == 2:
        p = rng.randint(800, 1000) / 10
        q = rng.randint(1, 80) / 10
        return f"{noun}办结率达{p}%，较上年提高{q}个百分点。"
    if kind == 3:
        a = rng.randint(5, 300)
        b = rng.randint(0, a)
        return f"共收集问题线索{a}条，已整改{b}条，整改率{b * 100 / a:.1f}%。"
    a, b = rng.randint(1, 60), rng.randint(1, 60)
    return f"聘请法律顾问{a + b}名，其中律师{a}名、专家学者{b}名。"


def synthetic_report(sentences, l1, l2, l3, size, seed=20240229):
    rng = random.Random(seed)
    out = ["××县人民政府关于2023年度法治政府建设情况的报告", "",
           "2023年，××县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
           "全面推进法治政府建设，取得积极成效。现将有关情况报告如下：", ""]
    used = sum(len(s.encode()) + 1 for s in out)
    closing = ["", "特此报告。", "", "××县人民政府", "2024年2月29日", ""]
    reserve = sum(len(s.encode()) + 1 for s in closing) + 200
    tail_titles = ["存在的不足和原因", "2024年度推进法治政府建设的主要安排"]
    n1 = 0

    def add(line):
        nonlocal used
        out.append(line)
        used += len(line.encode()) + 1

    def paragraph():
        parts = []
        for _ in range(rng.randint(4, 8)):
            parts.append(figure_sentence(rng) if rng.random() < 0.3 else rng.choice(sentences))
        return "".join(parts)

    def section(title, budget):
        nonlocal n1
        n1 += 1
        add(f"{cn_number(n1)}、{title}")
        add("")
        for i2 in range(1, rng.randint(4, 7) + 1):
            add(f"（{cn_number(i2)}）{rng.choice(l2)}")
            add("")
            for i3 in range(1, rng.randint(2, 5) + 1):
                add(f"{i3}.{rng.choice(l3)}。{paragraph()}")
                add("")
                if used >= budget:
                    return

    body_end = size - reserve - 2 * 4000  # leave room for the two closing sections
    while used < body_end:
        section(rng.choice(l1) if l1 else "法治政府建设工作成效", body_end)
    for title in tail_titles:
        section(title, used + 3500)
    for line in closing:
        add(line)
    text = "\n".join(out)
    data = text.encode()
    if len(data) < size:  # pad with body sentences so the size is exactly 1 MiB-ish
        pad = []
        while len(data) + len("".join(pad).encode()) < size:
            pad.append(rng.choice(sentences))
        text = text.rstrip("\n") + "\n" + "".join(pad) + "\n"
    return text


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_inputs.py CORPUS_DIR OUT_DIR")
    corpus_dir, out = sys.argv[1], sys.argv[2]
    names, texts = read_corpus(corpus_dir)
    stamp = hashlib.sha256((str(GENERATOR_VERSION) + "".join(texts)).encode()).hexdigest()
    manifest_path = os.path.join(out, "manifest.json")
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            if json.load(f).get("stamp") == stamp:
                print(f"inputs up to date in {out}")
                return
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "empty.txt"), "")
    write(os.path.join(out, "one-line.txt"), "一、总体情况\n")
    concat = "\n".join(t.rstrip("\n") + "\n" for t in texts)
    files = {"empty": "empty.txt", "one-line": "one-line.txt"}
    for n in CONCAT_TIMES:
        name = f"concat-x{n}.txt"
        write(os.path.join(out, name), "".join(copy_of(concat, k) for k in range(n)))
        files[f"concat-x{n}"] = name
    for n in BATCH_TIMES:
        d = os.path.join(out, f"batch-x{n}")
        os.makedirs(d, exist_ok=True)
        for old in os.listdir(d):
            os.remove(os.path.join(d, old))
        for i in range(n):
            write(os.path.join(d, f"{i:03d}.txt"), copy_of(concat, i))
        files[f"batch-x{n}"] = f"batch-x{n}"
    sentences, l1, l2, l3 = harvest(texts)
    write(os.path.join(out, "synthetic-1mb.txt"), synthetic_report(sentences, l1, l2, l3, SYNTHETIC_BYTES))
    files["synthetic-1mb"] = "synthetic-1mb.txt"

    def size_of(rel):
        p = os.path.join(out, rel)
        if os.path.isdir(p):
            return sum(os.path.getsize(os.path.join(p, f)) for f in os.listdir(p))
        return os.path.getsize(p)

    manifest = {"stamp": stamp, "corpus": names,
                "files": {k: {"path": v, "bytes": size_of(v)} for k, v in files.items()}}
    write(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1))
    print(f"inputs written to {out} ({len(sentences)} corpus sentences, "
          f"{len(l1)}/{len(l2)}/{len(l3)} heading titles harvested)")


if __name__ == "__main__":
    main()
