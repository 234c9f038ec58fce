#!/usr/bin/env bash
# Time the README's two commands on fresh clones of HEAD, as a new user would run them:
# `make book` in one clone and `make test` in another (each creates its own venv). The shared
# data folder is linked beside the clones. Writes benchmarks/results/fresh_clone.json.
# Usage: bash benchmarks/fresh_clone.sh   (about 20 minutes on 2 cores)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scratch="$(mktemp -d /tmp/eucluster-fresh-XXXX)"
trap 'rm -rf "$scratch"' EXIT
ln -s "$(cd "$repo/.." && pwd)/shared" "$scratch/shared"
tex="$(command -v xelatex >/dev/null && echo preinstalled || echo installed-by-make)"
declare -A seconds
for target in book test; do
  git clone -q "$repo" "$scratch/main"
  commit="$(git -C "$scratch/main" rev-parse --short HEAD)"
  start=$(date +%s)
  (cd "$scratch/main" && make "$target" > "$scratch/$target.log" 2>&1) || {
    tail -40 "$scratch/$target.log"; echo "make $target failed on a fresh clone" >&2; exit 1; }
  seconds[$target]=$(( $(date +%s) - start ))
  rm -rf "$scratch/main"
done
cat > "$repo/benchmarks/results/fresh_clone.json" <<JSON
{
  "commit": "$commit",
  "cpus": $(nproc),
  "make_book_seconds": ${seconds[book]},
  "make_test_seconds": ${seconds[test]},
  "tex_packages": "$tex"
}
JSON
cat "$repo/benchmarks/results/fresh_clone.json"
