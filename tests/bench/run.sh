#!/usr/bin/env bash
# reportls benchmark: batch against peer tools, interactive LSP latency, memory, scaling.
#
#   tests/bench/run.sh <reportls binary> <output dir>
#
# Inputs are generated from tests/corpus into <output dir>/inputs; peers (zhlint, autocorrect-node,
# textlint + textlint-rule-preset-ja-technical-writing) are installed from the npm registry into
# ${REPORTLS_CACHE:-$HOME/.cache/reportls}/bench-npm on first use. Results: <output dir>/results.md
# (also printed), raw numbers in batch.json, lsp.json, shapes.json, work.json and soak.json beside it. Never
# aborts on a peer failure.
#
# Knobs: BENCH_PEER_TIMEOUT (s, default 60), BENCH_PEER_BUDGET (s per measurement, default 15),
# BENCH_EDITS (default 300), BENCH_NOTE (a line added to results.md), BENCH_SKIP_PEERS=1,
# BENCH_SHAPE_RUNS (default 7), BENCH_WORK_TIMEOUT (s per counted run, default 900), BENCH_SKIP_SOAK=1,
# SOAK_DOCS / SOAK_EDITS / SOAK_EVERY (soak.py).
set -uo pipefail

if (($# != 2)); then
  echo "usage: tests/bench/run.sh <reportls binary> <output dir>" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=$(realpath "$1")
out=$(mkdir -p "$2" && cd "$2" && pwd)
corpus=$root/tests/corpus
cache=${REPORTLS_CACHE:-$HOME/.cache/reportls}
npm_dir=$cache/bench-npm
[[ -x $binary ]] || { echo "run.sh: $binary is not an executable" >&2; exit 2; }
command -v python3 >/dev/null || { echo "run.sh: python3 is needed" >&2; exit 2; }

# Peers, pinned so that runs compare like with like. There is no Chinese textlint preset on the
# npm registry (textlint-rule-preset-zh-technical-writing is not published there), so textlint runs
# the Japanese technical-writing preset, which reads CJK text (sentence length, commas, kanji runs).
peers=(zhlint@0.8.2 autocorrect-node@2.14.0 textlint@15.8.0 textlint-rule-preset-ja-technical-writing@12.0.2)

install_peers() {
  mkdir -p "$npm_dir"
  local stamp="$npm_dir/.installed"
  if [[ -f $stamp && $(cat "$stamp") == "${peers[*]}" ]]; then
    return 0
  fi
  if ! command -v npm >/dev/null; then
    echo "run.sh: npm not found: the peer rows will say 'not installed'" >&2
    return 0
  fi
  echo "== installing peers into $npm_dir (first use)"
  [[ -f $npm_dir/package.json ]] || echo '{"name": "reportls-bench-peers", "private": true}' >"$npm_dir/package.json"
  if (cd "$npm_dir" && npm install --no-audit --no-fund --loglevel=error "${peers[@]}" 2>&1 |
    grep -v 'Unknown user config'); [[ ${PIPESTATUS[0]} -eq 0 ]]; then
    echo "${peers[*]}" >"$stamp"
  else
    echo "run.sh: npm install failed: the rows of the peers that are missing will say so" >&2
  fi
}

[[ ${BENCH_SKIP_PEERS:-0} == 1 ]] || install_peers
mkdir -p "$npm_dir"
echo '{"rules": {"preset-ja-technical-writing": true}}' >"$npm_dir/textlintrc.json"

echo "== generating inputs into $out/inputs"
python3 "$here/gen_inputs.py" "$corpus" "$out/inputs" || exit 1

"$binary" plugins >"$out/plugins.txt" 2>&1 || true
start=$(date +%s)
echo "== command line: reportls check by size, batch against peers"
python3 "$here/batch.py" "$binary" "$out/inputs" "$npm_dir" "$corpus" "$out/batch.json" ||
  echo "run.sh: batch measurements failed (see above)" >&2
echo "== interactive: LSP latency and memory"
python3 "$here/lsp_bench.py" "$binary" "$out/inputs" "$corpus" "$out/lsp.json" ||
  echo "run.sh: LSP measurements failed (see above)" >&2
echo "== input shapes: doubling each, and the process around the analysis"
python3 "$here/shapes.py" "$binary" "$out/inputs" "$out/shapes.json" ||
  echo "run.sh: shape measurements failed (see above)" >&2
echo "== the work of each doubling: instructions under callgrind"
python3 "$here/work.py" "$binary" "$out/inputs" "$out/work.json" ||
  echo "run.sh: instruction counts failed (see above): the doubling rows are judged on time" >&2
if [[ ${BENCH_SKIP_SOAK:-0} != 1 ]]; then
  echo "== soak: ${SOAK_DOCS:-10} reports open, ${SOAK_EDITS:-50000} edits"
  python3 "$here/soak.py" "$binary" "$corpus" "$(dirname "$binary")/../test-plugins/digest" "$out/soak.json" ||
    echo "run.sh: soak failed (see above)" >&2
fi
echo "== typing simulation: completion on real texts, leave-one-out"
sim=$(dirname "$binary")/reportls-typing-sim
if [[ -x $sim ]]; then
  "$sim" --leave-one-out --json "$out/typing.json" --latency "$corpus/wuding-county-office-2022.txt" \
    "$(dirname "$binary")/../lib/reportls/plugins/phrasing" corpus="$corpus" \
    eval-set="$root/tests/eval/set/texts" eval-heldout="$root/tests/eval/heldout/texts" \
    pages="$root/tests/bench/pages/texts" ||
    echo "run.sh: typing simulation failed (see above)" >&2
else
  echo "run.sh: $sim not built: no typing simulation" >&2
fi
echo "== results ($(($(date +%s) - start)) s)"
echo
python3 "$here/report.py" "$out" "${BENCH_NOTE:-}"
echo
echo "written to $out/results.md"
