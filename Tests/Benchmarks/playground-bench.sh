#!/bin/sh
# Times the live playground's training in headless Chromium beside the TensorFlow Playground's
# own network code (its src/nn.ts compiled to JavaScript, which the project does not ship):
#   Tests/Benchmarks/playground-bench.sh NN_JS [LIBRARY_WASM_JS] [SECONDS] [ROUNDS]
# NN_JS: nn.ts compiled with `tsc --target es2017 nn.ts`; LIBRARY_WASM_JS: the site's module
# (default site/assets/library-wasm.js, written by `companion build`); SECONDS: the length of
# each side's timed run in a round (default 0.5); ROUNDS: how many rounds (default 11). Prints
# the medians of the rounds: epochs per second of both and their ratio.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
nn=${1:?usage: playground-bench.sh NN_JS [LIBRARY_WASM_JS] [SECONDS] [ROUNDS]}
module=${2:-$root/site/assets/library-wasm.js}
seconds=${3:-0.5}
rounds=${4:-11}
browser=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp "$here/playground-bench.html" "$scratch/index.html"
cp "$nn" "$scratch/nn.js"
cp "$module" "$scratch/library-wasm.js"
"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
  --user-data-dir="$scratch/profile" --host-resolver-rules="MAP * ~NOTFOUND" \
  --dump-dom "file://$scratch/index.html?seconds=$seconds&rounds=$rounds" 2>/dev/null |
  sed -n '/<pre id="result">/,/<\/pre>/p' | sed 's/<[^>]*>//g'
