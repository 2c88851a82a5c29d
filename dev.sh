#!/usr/bin/env bash
# reportls developer entry point.
#   ./dev.sh run     install what is missing, build (Release), check the bundled sample report
#   ./dev.sh test    install what is missing, build, run every test (ctest); again under ASan+UBSan;
#                    the server's unit and LSP end-to-end tests under TSan
#   ./dev.sh build   install what is missing and build only
#   ./dev.sh bench   install what is missing, build (Release), run the benchmark (build/bench/results.md)
#   ./dev.sh eval    install what is missing, build (Release), precision and recall on real texts
#                    (tests/eval; table in build/eval/results.md)
#   ./dev.sh fuzz [SECONDS]  build the libFuzzer targets with clang (build-fuzz), run each SECONDS (60)
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD
build=${REPORTLS_BUILD_DIR:-$root/build}
jobs=$(nproc 2>/dev/null || echo 2)

# Debian packages the build and the editor tests need; installed only when missing.
packages=(g++ cmake ninja-build libboost-dev nlohmann-json3-dev libicu-dev libxml2-dev libpugixml-dev libzip-dev libdeflate-dev libxxhash-dev doctest-dev python3
  neovim emacs-nox elpa-eglot chromium fonts-wqy-microhei libkrb5-dev build-essential)

ensure_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "dev.sh: installing ${missing[*]}" >&2
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# configure_and_build DIR [cmake options...] [-- targets...]
configure_and_build() {
  local dir=$1
  shift
  local options=() targets=()
  while (($#)) && [[ $1 != -- ]]; do options+=("$1"); shift; done
  (($#)) && shift && targets=(--target "$@")
  ensure_packages
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${options[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs" "${targets[@]}"
}

sample=$root/tests/corpus/xiushan-county-2023.txt

case "${1:-}" in
  run)
    configure_and_build "$build"
    echo "== reportls outline $(basename "$sample")"
    "$build/bin/reportls" outline "$sample"
    echo
    echo "== reportls check $(basename "$sample")"
    "$build/bin/reportls" check "$sample" || true
    ;;
  test)
    configure_and_build "$build"
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
    # The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer: any report
    # aborts the process and fails the test.
    configure_and_build "$build-asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREPORTLS_SANITIZE=ON
    ASAN_OPTIONS=abort_on_error=1:detect_stack_use_after_return=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir "$build-asan" --output-on-failure -j "$jobs"
    # The server's threads under ThreadSanitizer: the unit tests of lsp/ and the LSP end-to-end
    # tests (the command-line ones add no thread of the server's), on a tree of just what they need.
    configure_and_build "$build-tsan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREPORTLS_SANITIZE=thread \
      -- reportls lsp_unit_tests reportls_example_plugin
    TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
      ctest --test-dir "$build-tsan" --output-on-failure -j "$jobs" \
      -R '^(lsp_unit_tests|e2e_test_.*)$' -E '^e2e_test_(cli|sarif)$'
    ;;
  build)
    configure_and_build "$build"
    ;;
  fuzz)
    # libFuzzer with ASan+UBSan; every crash found belongs in tests/fuzz/regressions/<target>/,
    # which `test` replays.  clang 16: Debian's default clang 14 lacks parts of C++20 used here.
    packages+=(clang-16 libclang-rt-16-dev)
    ensure_packages
    tests/fuzz/run.sh "$build-fuzz" "${2:-60}"
    ;;
  eval)
    # The scoreboard of accuracy: every diagnostic on the evaluation set matched to hand labels.
    configure_and_build "$build"
    python3 tests/eval/eval.py "$build/bin/reportls" --out "$build/eval/results.md" \
      --check tests/eval/baseline.json
    ;;
  bench)
    # Not part of `test`: batch against peer tools (npm, cached in ~/.cache/reportls/bench-npm),
    # LSP latency with debounce 0, memory and scaling; a few minutes.  valgrind counts the
    # instructions each doubling of the input costs (tests/bench/work.py).
    packages+=(valgrind)
    configure_and_build "$build"
    tests/bench/run.sh "$build/bin/reportls" "$build/bench"
    ;;
  *)
    echo "usage: ./dev.sh run|test|build|eval|bench|fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
