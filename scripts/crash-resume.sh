#!/usr/bin/env bash
# Crash-safety check of `govtext batch`: a run killed with SIGKILL, resumed and killed again, then resumed to the
# end, must give the same documents and records as one uninterrupted run (same counts, same hash of the sorted
# records; see store-digest.sh), with no duplicate and an intact store after every kill. Checked for the SQLite
# store and for a JSON Lines output (whose file must not exist until the run that completes).
# Usage: N=1000 JOBS=2 scripts/crash-resume.sh
#   ARCHIVE=DIR reuses an archive (else one is made with make-archive.sh); REFERENCE=STORE reuses an uninterrupted
#   run's store of that archive (else one is made); STEP=K kills each interrupted run once it has committed K more
#   documents (default a third of the archive). Needs sqlite3. KEEP=1 keeps the temporary folder.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
n=${N:-1000}
jobs=${JOBS:-2}
work=$(mktemp -d "${TMPDIR:-/tmp}/govtext-crash.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "crash: keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$repo/src/GovTextExtract.Cli" -c Release -v quiet -nologo >&2
govtext="$repo/src/GovTextExtract.Cli/bin/Release/net10.0/govtext"
digest() { "$repo/scripts/store-digest.sh" "$1"; }
load() { uptime | sed 's/.*load average: /load /; s/,//g'; }
now() { date +%s.%N; }

archive=${ARCHIVE:-}
if [ -z "$archive" ]; then
  archive="$work/archive"
  "$repo/scripts/make-archive.sh" "$archive" "$n"
fi

reference=${REFERENCE:-}
if [ -z "$reference" ]; then
  reference="$work/reference.sqlite"
  "$govtext" batch "$archive" --out "$reference" --jobs "$jobs" --progress none 2> "$work/reference.log" || true
fi
ref=$(digest "$reference")
echo "reference (uninterrupted): documents records hash = $ref"
# Each interrupted run is killed once it has committed about a third of the archive beyond what the store held when
# it started (STEP documents), plus a random 0-1 s, so that the kill lands mid-document at an unplanned moment.
step=${STEP:-$(( $(echo "$ref" | cut -d' ' -f1) / 3 ))}
count() { if [ -f "$1" ]; then sqlite3 -readonly "$1" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0; else echo 0; fi; }

# Runs the batch in the background, kills it with SIGKILL, and reports what was committed.
killed_run() {
  local out=$1 store=$2 label=$3
  local before; before=$(count "$store")
  local s; s=$(now)
  "$govtext" batch "$archive" --out "$out" --jobs "$jobs" --progress none 2>> "$work/killed.log" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(count "$store")" -lt $((before + step)) ]; do sleep 0.2; done
  sleep "0.$((RANDOM % 10))"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    echo "$label: started with $before documents, killed with SIGKILL after $(echo "$s $(now)" | awk '{printf "%.1f", $2 - $1}') s ($(load)); committed: $(count "$store") documents, $(sqlite3 -readonly "$store" 'SELECT count(*) FROM records') records; integrity: $(sqlite3 "$store" 'PRAGMA integrity_check'); duplicate records: $(sqlite3 -readonly "$store" 'SELECT count(*) FROM (SELECT 1 FROM records GROUP BY document_id, ordinal HAVING count(*) > 1)')"
  else
    wait "$pid" 2>/dev/null || true
    echo "$label: finished before the kill (lower STEP)"
  fi
}

status=0
# SQLite store.
store="$work/killed.sqlite"
killed_run "$store" "$store" "sqlite run 1"
killed_run "$store" "$store" "sqlite run 2 (resumed)"
"$govtext" batch "$archive" --out "$store" --jobs "$jobs" --progress none 2> "$work/final.log" || true
echo "sqlite run 3 (resumed to the end): $(grep -h 'govtext: batch: [0-9]* documents' "$work/final.log")"
got=$(digest "$store")
echo "sqlite after two kills: documents records hash = $got"
if [ "$got" = "$ref" ]; then echo "sqlite: SAME as the uninterrupted run"; else echo "sqlite: DIFFERENT from the uninterrupted run"; status=1; fi

# JSON Lines: the file appears only when a run completes; its state store resumes.
if [ "${SKIP_JSONL:-0}" != 1 ]; then
  out="$work/records.jsonl"
  killed_run "$out" "$out.state.sqlite" "jsonl run 1"
  [ -e "$out" ] && { echo "jsonl: FILE EXISTS after a killed run"; status=1; } || echo "jsonl: no records.jsonl after the killed run (as it should)"
  killed_run "$out" "$out.state.sqlite" "jsonl run 2 (resumed)"
  [ -e "$out" ] && { echo "jsonl: FILE EXISTS after a killed run"; status=1; } || echo "jsonl: no records.jsonl after the killed run (as it should)"
  "$govtext" batch "$archive" --out "$out" --jobs "$jobs" --progress none 2> "$work/final-jsonl.log" || true
  echo "jsonl run 3 (resumed to the end): $(grep -h 'govtext: batch: [0-9]* documents' "$work/final-jsonl.log")"
  got=$(digest "$out.state.sqlite")
  lines=$(wc -l < "$out")
  records=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["records"]) for l in open(sys.argv[1], encoding="utf-8")))' "$out")
  echo "jsonl after two kills: state documents records hash = $got; records.jsonl: $lines lines, $records records"
  if [ "$got" = "$ref" ] && [ "$lines" = "$(echo "$ref" | cut -d' ' -f1)" ] && [ "$records" = "$(echo "$ref" | cut -d' ' -f2)" ]; then
    echo "jsonl: SAME as the uninterrupted run"
  else
    echo "jsonl: DIFFERENT from the uninterrupted run"; status=1
  fi
fi
exit $status
