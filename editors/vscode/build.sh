#!/usr/bin/env bash
# Builds the reportls VS Code extension into a .vsix that carries the extension as one JavaScript
# file (dist/extension.js, bundled by esbuild with vscode-languageclient), the Linux x64 server and
# its bundled plugins (server/bin/reportls, the reportls-analysis it starts beside it,
# server/lib/reportls/plugins and the libreportls_report.so they share beside it: the layout the
# server looks for its plugins and its analysis processes in), one
# documentation page per rule (docs/rules/, from the README's rules table), the icon, README and
# LICENSE.  The .vsix installs offline: it needs nothing from the registry.
#
#   editors/vscode/build.sh [OUT.vsix] [BUILD_DIR]
#     OUT.vsix   default: BUILD_DIR/editors/reportls.vsix
#     BUILD_DIR  the CMake build with bin/reportls, bin/reportls-analysis and lib/reportls/plugins
#                (default: build/)
#
# npm downloads are cached in ${REPORTLS_CACHE:-$HOME/.cache/reportls}/npm; the staging folder
# (BUILD_DIR/editors/vscode) keeps node_modules between runs, so a rebuild needs no network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(realpath -m "${2:-${REPORTLS_BUILD_DIR:-$root/build}}")
out=$(realpath -m "${1:-$build/editors/reportls.vsix}")
cache=${REPORTLS_CACHE:-$HOME/.cache/reportls}
export npm_config_cache=$cache/npm npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is needed (Debian: nodejs npm)" >&2; exit 3; }
done
[[ -x $build/bin/reportls && -x $build/bin/reportls-analysis && -d $build/lib/reportls/plugins ]] ||
  { echo "build.sh: no server in $build (build the targets reportls and reportls_plugins first)" >&2; exit 2; }

stage=$build/editors/vscode
mkdir -p "$stage" "$(dirname "$out")"
# The sources, fresh each time; node_modules stays.
rm -rf "$stage/src" "$stage/out" "$stage/dist" "$stage/server" "$stage/docs" "$stage/images" "$stage/tools"
cp -r "$here/src" "$here/tools" "$here/images" "$here/package.json" "$here/package-lock.json" \
      "$here/tsconfig.json" "$here/.vscodeignore" "$here/README.md" "$stage/"
cp "$root/LICENSE" "$stage/"
cd "$stage"
if ! cmp -s package-lock.json node_modules/.package-lock.json.installed 2>/dev/null; then
  npm ci --prefer-offline --ignore-scripts --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.installed
fi
npx --no-install tsc -p . --noEmit  # types checked; esbuild does not
npm run --silent bundle
node tools/rule-pages.js "$root/README.md" docs/rules

mkdir -p server/bin server/lib/reportls
cp "$build/bin/reportls" "$build/bin/reportls-analysis" server/bin/
cp -r "$build/lib/reportls/plugins" server/lib/reportls/
cp "$build"/lib/reportls/*.so server/lib/reportls/  # the report library the plugins share

# README pictures stay relative: VS Code shows them from the installed extension, offline.
npx --no-install vsce package --target linux-x64 --no-dependencies --no-rewrite-relative-links \
  --out "$out" >&2
echo "$out"
