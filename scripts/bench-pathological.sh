#!/usr/bin/env bash
# Times `govtext extract` on generated inputs that once made pairing quadratic: text with thousands of figures and
# no sentence break, and one paragraph of many short sentences. Speed is measured here, never asserted in tests.
# Usage: scripts/bench-pathological.sh   (builds Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/GovTextExtract.Cli -c Release -v q -nologo >/dev/null
cli=src/GovTextExtract.Cli/bin/Release/net10.0/govtext.dll
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys, os
d = sys.argv[1]
open(os.path.join(d, 'no-breaks.txt'), 'w').write('新增目标1个完成2个' * 60000)
open(os.path.join(d, 'commas-only.txt'), 'w').write('新增目标1个,完成2个' * 50000)
open(os.path.join(d, 'one-paragraph.txt'), 'w').write('年度目标新增10个,实际完成12个,完成年度目标的120%。' * 100000)
PY
for f in no-breaks commas-only one-paragraph; do
  size=$(stat -c %s "$dir/$f.txt")
  /usr/bin/time -f "$f ($size bytes): %e s wall, %M KB peak" dotnet "$cli" extract "$dir/$f.txt" --format csv 2>&1 >/dev/null | tail -1
done
