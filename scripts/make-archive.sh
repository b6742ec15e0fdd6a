#!/usr/bin/env bash
# Builds an archive of N documents (default 1000) in DIR from the texts of ../shared/corpus/raw and the repository's
# circular: document i is source (i mod k) with a numbered first line, so every document has its own content hash.
# Documents go in folders of 100 (part-00/, part-01/, ...). The archive is for measuring; never put it in the repo.
# Usage: scripts/make-archive.sh DIR [N]
set -euo pipefail
dir=${1:?usage: make-archive.sh DIR [N]}
n=${2:-1000}
repo=$(cd "$(dirname "$0")/.." && pwd)
raw=${GOVTEXT_RAW:-$repo/../shared/corpus/raw}
shopt -s nullglob
sources=("$raw"/*.txt "$repo"/corpus/xianning-2019-completion.txt)
if [ "${#sources[@]}" -lt 2 ]; then
  echo "make-archive: no texts in $raw (set GOVTEXT_RAW)" >&2
  exit 1
fi
mkdir -p "$dir"
for ((i = 0; i < n; i++)); do
  src=${sources[$((i % ${#sources[@]}))]}
  part=$(printf '%s/part-%02d' "$dir" $((i / 100)))
  mkdir -p "$part"
  name=$(basename "$src" .txt)
  { printf '（归档副本 %d）\n' "$i"; cat "$src"; } > "$(printf '%s/%04d-%s.txt' "$part" "$i" "$name")"
done
echo "make-archive: $n documents from ${#sources[@]} texts in $dir ($(du -sb "$dir" | cut -f1) bytes)" >&2
