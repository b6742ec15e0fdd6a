#!/usr/bin/env bash
# End-to-end benchmark of `govtext batch` (Release build) on a generated archive of N documents (default 1000) made
# from ../shared/corpus/raw in a temporary folder (never in the repository). Measures, each with the load average
# of the moment (the machine may be shared):
#   - cold start: wall time of `govtext extract` on the circular, process start to exit (5 runs; min and median);
#   - batch with --jobs 1 and --jobs 2: wall time (date), CPU time and peak RSS (/usr/bin/time -v), documents/s,
#     MB/s, MB/s per CPU-second, speed-up from 1 to 2 jobs;
#   - jieba segmentation alone over the same texts on one thread, and the ratio of batch --jobs 1 to it.
# Prints a Markdown table on standard output. Usage: N=1000 scripts/bench-e2e.sh   (KEEP=1 keeps the temp folder)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
n=${N:-1000}
work=$(mktemp -d "${TMPDIR:-/tmp}/govtext-bench.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "bench: keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

load() { uptime | sed 's/.*load average: //; s/,//g' | awk '{print "load " $1 " " $2 " " $3}'; }
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{printf "%.2f", $2 - $1}'; }

echo "bench: building (Release)" >&2
dotnet build "$repo/src/GovTextExtract.Cli" -c Release -v quiet -nologo >&2
dotnet build "$repo/benchmarks/GovTextExtract.Benchmarks" -c Release -v quiet -nologo >&2
govtext="$repo/src/GovTextExtract.Cli/bin/Release/net10.0/govtext"
benchdll="$repo/benchmarks/GovTextExtract.Benchmarks/bin/Release/net10.0/GovTextExtract.Benchmarks.dll"

"$repo/scripts/make-archive.sh" "$work/archive" "$n"
bytes=$(find "$work/archive" -type f -printf '%s\n' | awk '{s += $1} END {print s}')
mb=$(echo "$bytes" | awk '{printf "%.2f", $1 / 1e6}')

echo "| measure | value | load (1/5/15 min) |"
echo "| --- | --- | --- |"
echo "| archive | $n documents, $mb MB | |"

# Cold start: the first run also writes jieba's dictionary cache; it is not counted.
circular="$repo/corpus/xianning-2019-completion.txt"
"$govtext" extract "$circular" > /dev/null
starts=()
l=$(load)
for _ in 1 2 3 4 5; do
  s=$(now); "$govtext" extract "$circular" > /dev/null; e=$(now)
  starts+=("$(secs "$s" "$e")")
done
sorted=$(printf '%s\n' "${starts[@]}" | sort -n)
echo "| cold start, \`govtext extract\` on the circular (5 runs) | min $(echo "$sorted" | head -1) s, median $(echo "$sorted" | sed -n 3p) s | $l |"
/usr/bin/time -v -o "$work/time-extract.txt" "$govtext" extract "$circular" > /dev/null
echo "| peak RSS of that extract | $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2 / 1024}' "$work/time-extract.txt") | |"

declare -A wall
for jobs in 1 2; do
  l=$(load)
  s=$(now)
  /usr/bin/time -v -o "$work/time-$jobs.txt" "$govtext" batch "$work/archive" --out "$work/jobs$jobs.sqlite" \
    --jobs "$jobs" --progress none 2> "$work/batch-$jobs.log" || true
  e=$(now)
  wall[$jobs]=$(secs "$s" "$e")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$work/time-$jobs.txt")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$work/time-$jobs.txt")
  echo "| batch --jobs $jobs: wall, CPU | ${wall[$jobs]} s wall, $cpu s CPU | $l |"
  echo "| batch --jobs $jobs: throughput | $(echo "$n ${wall[$jobs]}" | awk '{printf "%.1f", $1 / $2}') documents/s, $(echo "$bytes ${wall[$jobs]}" | awk '{printf "%.2f", $1 / 1e6 / $2}') MB/s; $(echo "$bytes $cpu" | awk '{printf "%.2f", $1 / 1e6 / $2}') MB per CPU-second | |"
  echo "| batch --jobs $jobs: peak RSS | $rss MB | |"
  grep -h "govtext: batch: [0-9]* documents" "$work/batch-$jobs.log" | sed 's/^/<!-- /; s/$/ -->/'
done
echo "| speed-up from 1 to 2 jobs | $(echo "${wall[1]} ${wall[2]}" | awk '{printf "%.2f", $1 / $2}')x | |"

"$repo/scripts/store-digest.sh" "$work/jobs1.sqlite" > "$work/digest1"
"$repo/scripts/store-digest.sh" "$work/jobs2.sqlite" > "$work/digest2"
same=$(cmp -s "$work/digest1" "$work/digest2" && echo "same" || echo "DIFFERENT")
echo "| stores of --jobs 1 and --jobs 2 | $same: $(cat "$work/digest1") | |"

l=$(load)
seg=$(dotnet "$benchdll" segment "$work/archive")
segsecs=$(echo "$seg" | sed -n 's/.*segmentation \([0-9.]*\) s.*/\1/p')
echo "| jieba segmentation alone, 1 thread | $(echo "$seg" | sed 's/^segment: //') | $l |"
echo "| end-to-end (batch --jobs 1) / segmentation alone | $(echo "${wall[1]} $segsecs" | awk '{printf "%.2f", $1 / $2}')x | |"
