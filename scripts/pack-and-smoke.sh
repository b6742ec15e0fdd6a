#!/usr/bin/env bash
# Packs GovTextExtract (library) and GovTextExtract.Cli (dotnet tool) into a temporary folder and proves that the
# packages work with nothing but themselves:
#   1. the nupkg holds the library with its embedded data, XML docs, readme and OpenCC's notice and licence; jieba.NET
#      is a normal dependency;
#   2. tests/PackageSmoke (a consumer project outside the solution) restores GovTextExtract by PackageReference from
#      that folder, into a package cache of its own, and passes its tests;
#   3. the tool installs from that folder into a temporary tool path, and `govtext extract` on the circular, run from
#      an empty directory, prints records.
# Exits non-zero on any failure; the last line is "pack-and-smoke: passed" or "pack-and-smoke: FAILED (<step>)".
#
#   bash scripts/pack-and-smoke.sh              # build and pack (Release), then smoke
#   bash scripts/pack-and-smoke.sh --no-build   # pack what an earlier `dotnet build -c Release` left (CI does this)
#   KEEP_ARTIFACTS=1 bash scripts/pack-and-smoke.sh   # keep the temporary folder and print where it is
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)

no_build=()
for arg in "$@"; do
  case "$arg" in
    --no-build) no_build=(--no-build) ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "pack-and-smoke: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step="start"
reported=0
work=""
fail() {
  echo "pack-and-smoke: $*" >&2
  echo "pack-and-smoke: FAILED ($step)"
  reported=1
  exit 1
}
finish() {
  local rc=$?
  if [ -n "$work" ] && [ "${KEEP_ARTIFACTS:-}" != "1" ]; then rm -rf "$work"; fi
  if [ "$rc" -ne 0 ] && [ "$reported" -eq 0 ]; then echo "pack-and-smoke: FAILED ($step, exit code $rc)"; fi
}
trap finish EXIT

command -v dotnet >/dev/null 2>&1 || fail "dotnet is not on PATH"
command -v python3 >/dev/null 2>&1 || fail "python3 is needed to inspect the packages and the JSON"

work=$(mktemp -d "${TMPDIR:-/tmp}/govtext-pack.XXXXXX")
if [ "${KEEP_ARTIFACTS:-}" = "1" ]; then echo "pack-and-smoke: keeping $work"; fi
artifacts="$work/artifacts"
packages="$work/packages"   # the consumer's own package cache: never a stale GovTextExtract
mkdir -p "$artifacts" "$packages"

step="version"
version=$(dotnet msbuild src/GovTextExtract/GovTextExtract.csproj -getProperty:Version </dev/null | tr -d '[:space:]')
[ -n "$version" ] || fail "could not read the package version from src/GovTextExtract"
echo "== pack GovTextExtract $version and GovTextExtract.Cli $version into $artifacts"

step="pack"
for project in src/GovTextExtract/GovTextExtract.csproj src/GovTextExtract.Cli/GovTextExtract.Cli.csproj; do
  timeout 600 dotnet pack "$project" -c Release -o "$artifacts" "${no_build[@]}" </dev/null \
    || fail "dotnet pack $project failed"
done

lib="$artifacts/GovTextExtract.$version.nupkg"
tool="$artifacts/GovTextExtract.Cli.$version.nupkg"
for f in "$lib" "$tool" "$artifacts/GovTextExtract.$version.snupkg"; do
  [ -f "$f" ] || fail "expected package $(basename "$f") was not produced"
done
ls -l "$artifacts"

step="inspect packages"
python3 - "$lib" "$tool" <<'PY' || fail "package contents are not as expected"
import re, sys, zipfile

def fail(msg):
    print(f"pack-and-smoke: {msg}", file=sys.stderr)
    sys.exit(1)

lib, tool = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(lib) as z:
    names = set(z.namelist())
    for need in ("lib/net10.0/GovTextExtract.dll", "lib/net10.0/GovTextExtract.xml", "README.md",
                 "licenses/OpenCC/NOTICE", "licenses/OpenCC/LICENSE"):
        if need not in names:
            fail(f"{lib}: {need} is missing")
    stray = [n for n in names if n.endswith((".txt", ".json")) and not n.startswith("lib/")]
    if stray:
        fail(f"{lib}: data files outside the assembly: {stray}")
    dll = z.read("lib/net10.0/GovTextExtract.dll")
    for res in ("GovTextExtract.Jieba.dict.txt", "GovTextExtract.Jieba.prob_trans.json",
                "GovTextExtract.Jieba.prob_emit.json", "GovTextExtract.Segmenter.userdict.txt",
                "GovTextExtract.Lexicons.", "GovTextExtract.OpenCC.TSCharacters.txt"):
        if res.encode() not in dll:
            fail(f"{lib}: GovTextExtract.dll carries no embedded resource {res}")
    nuspec = z.read("GovTextExtract.nuspec").decode("utf-8-sig")
    dep = re.search(r'<dependency id="jieba\.NET" version="([^"]+)"([^>]*)/>', nuspec)
    if not dep:
        fail(f"{lib}: the nuspec declares no dependency on jieba.NET")
    if 'include="' in dep.group(2) or "Runtime" in dep.group(2) or "Compile" in dep.group(2):
        fail(f"{lib}: the jieba.NET dependency excludes assets a consumer needs: {dep.group(0)}")
    for need in ("<readme>README.md</readme>", '<license type="expression">MIT</license>'):
        if need not in nuspec:
            fail(f"{lib}: the nuspec lacks {need}")
    print(f"library package: {len(names)} entries, jieba.NET {dep.group(1)} dependency, embedded data present")
with zipfile.ZipFile(tool) as z:
    names = set(z.namelist())
    settings = z.read("tools/net10.0/any/DotnetToolSettings.xml").decode("utf-8-sig")
    if 'Name="govtext"' not in settings:
        fail(f"{tool}: the tool command is not 'govtext': {settings}")
    for need in ("tools/net10.0/any/govtext.dll", "tools/net10.0/any/GovTextExtract.dll",
                 "tools/net10.0/any/JiebaNet.Segmenter.dll", "licenses/OpenCC/NOTICE", "licenses/OpenCC/LICENSE"):
        if need not in names:
            fail(f"{tool}: {need} is missing")
    print(f"tool package: {len(names)} entries, command govtext")
PY

step="smoke consumer (tests/PackageSmoke)"
echo "== dotnet test tests/PackageSmoke against $lib"
GOVTEXT_ARTIFACTS="$artifacts" timeout 900 dotnet test tests/PackageSmoke/PackageSmoke.csproj -c Release \
  --artifacts-path "$work/smoke-build" \
  -p:GovTextExtractVersion="$version" -p:SmokePackagesPath="$packages/" </dev/null \
  || fail "the package smoke tests failed"
[ -d "$packages/govtextextract/$version" ] || fail "the smoke consumer did not restore GovTextExtract $version from $artifacts"

step="tool install"
tools="$work/tools"
cat >"$work/tool-nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="govtext-artifacts" value="$artifacts" />
  </packageSources>
</configuration>
EOF
elsewhere="$work/elsewhere"
mkdir -p "$elsewhere"
echo "== dotnet tool install GovTextExtract.Cli $version --tool-path $tools"
(cd "$elsewhere" && NUGET_PACKAGES="$packages" timeout 600 dotnet tool install --tool-path "$tools" \
  --configfile "$work/tool-nuget.config" --add-source "$artifacts" GovTextExtract.Cli --version "$version" </dev/null) \
  || fail "dotnet tool install failed"
[ -x "$tools/govtext" ] || fail "the tool installed no 'govtext' command in $tools"

step="govtext extract"
circular="$repo/corpus/xianning-2019-completion.txt"
echo "== (cd $elsewhere && govtext extract $circular)"
(cd "$elsewhere" && timeout 300 "$tools/govtext" extract "$circular" >"$work/extract.json" </dev/null) \
  || fail "govtext extract exited non-zero"
python3 - "$work/extract.json" <<'PY' || fail "govtext extract printed no usable records"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
records = doc.get("records") or []
if doc.get("document") != "xianning-2019-completion.txt" or len(records) < 40:
    print(f"pack-and-smoke: document {doc.get('document')!r}, {len(records)} records (want >= 40)", file=sys.stderr)
    sys.exit(1)
# 全年接待旅游人数7600万人次 … 2019,全市接待旅游人数7630万人次 (read off the circular by hand)
if not any((r.get("target") or {}).get("value") == 76000000 and (r.get("actual") or {}).get("value") == 76300000
           and r.get("status") == "exceeded" for r in records):
    print("pack-and-smoke: no record pairs 7600万人次 with 7630万人次 as exceeded", file=sys.stderr)
    sys.exit(1)
print(f"govtext extract: {len(records)} records")
PY

step="govtext quantities"
out=$(cd "$elsewhere" && timeout 120 "$tools/govtext" quantities --text "增长8.1%(目标8%)" </dev/null) \
  || fail "govtext quantities exited non-zero"
printf '%s\n' "$out" | grep -q '"value": *8\.1' || fail "govtext quantities did not find 8.1%: $out"

step="done"
echo "pack-and-smoke: passed"
