#!/usr/bin/env bash
# tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
#
# Configures BUILD_DIR with clang and libFuzzer (the whole tree, the bundled plugins included,
# instrumented with -fsanitize=fuzzer-no-link,address,undefined), builds the fuzz targets and runs
# each for SECONDS (default 60), seeded from tests/fuzz/seeds/, tests/corpus/ and
# tests/fuzz/regressions/.  New interesting inputs accumulate in BUILD_DIR/fuzz-corpus/<target>/;
# a crashing input is saved as BUILD_DIR/fuzz-artifacts/<target>/crash-* (copy it into
# tests/fuzz/regressions/<target>/ once fixed).  Prints one line per target with the executions
# run; exits 1 if any target crashed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-60}
shift $(($# >= 2 ? 2 : 1))
targets=("$@")
((${#targets[@]})) || targets=(transport edits report figures plugins inputs)
jobs=$(nproc 2>/dev/null || echo 2)

# The newest clang installed: the tree uses C++20 features clang 14 lacks (lambdas capturing
# structured bindings), so Debian 12's default clang (14) cannot build it; clang-16 can
# (apt-get install clang-16 libclang-rt-16-dev).  REPORTLS_FUZZ_CC/REPORTLS_FUZZ_CXX override.
cc=${REPORTLS_FUZZ_CC:-} cxx=${REPORTLS_FUZZ_CXX:-}
if [[ -z $cxx ]]; then
  for v in 19 18 17 16 15 ""; do
    if command -v "clang++${v:+-$v}" >/dev/null; then cc=clang${v:+-$v} cxx=clang++${v:+-$v}; break; fi
  done
fi
[[ -n $cxx ]] || { echo "run.sh: clang++ not found (apt-get install clang-16 libclang-rt-16-dev)" >&2; exit 2; }
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" -DREPORTLS_FUZZ=ON \
  "-DCMAKE_C_FLAGS=$flags" "-DCMAKE_CXX_FLAGS=$flags" >/dev/null
cmake --build "$build" -j "$jobs" --target reportls_fuzzers

# Symbolised stack traces: the llvm-symbolizer of the clang in use.
symbolizer=$(dirname "$(readlink -f "$(command -v "$cxx")")")/llvm-symbolizer
[[ -x $symbolizer ]] || symbolizer=$(command -v llvm-symbolizer || true)
[[ -n $symbolizer && -x $symbolizer ]] && export ASAN_SYMBOLIZER_PATH=${ASAN_SYMBOLIZER_PATH:-$symbolizer}
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=0
summary=()
for t in "${targets[@]}"; do
  bin=$build/bin/fuzz/fuzz_$t
  corpus=$build/fuzz-corpus/$t
  artifacts=$build/fuzz-artifacts/$t
  log=$build/fuzz-logs/$t.log
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seeds=()
  case $t in
    transport | edits) seeds+=("$here/seeds/$t") ;;
    inputs) seeds+=("$here/seeds/inputs" "$here/seeds/text") ;;
    *) seeds+=("$here/seeds/text" "$root/tests/corpus") ;;
  esac
  # A target no crash has been kept for yet has no regressions folder (libFuzzer stops at one missing).
  [[ -d $here/regressions/$t ]] && seeds=("$here/regressions/$t" "${seeds[@]}")
  echo "== fuzz_$t for ${seconds}s (log: $log)"
  status=0
  # New units go to the first folder (the working corpus); the others only seed it.
  "$bin" -max_total_time="$seconds" -timeout=30 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" >"$log" 2>&1 || status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if ((status == 0)); then
    summary+=("fuzz_$t: ${execs:-?} executions, no crash")
  else
    failed=1
    crash=$(ls -t "$artifacts" 2>/dev/null | head -1)
    summary+=("fuzz_$t: CRASHED (exit $status) after ${execs:-?} executions; input: $artifacts/${crash:-?}")
    grep -m5 -E 'ERROR: |runtime error|invariant failed|SUMMARY' "$log" | sed 's/^/    /' || true
  fi
done
echo
printf '%s\n' "${summary[@]}"
exit $failed
