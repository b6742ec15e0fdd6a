#!/usr/bin/env bash
# Prints "DOCUMENTS RECORDS SHA256" for a batch store: the counts and a hash of every document's path, content hash
# and status and every record's JSON, sorted by path and ordinal (ids, timings and times left out), so two stores
# with the same content print the same line. Usage: scripts/store-digest.sh STORE.sqlite
set -euo pipefail
store=${1:?usage: store-digest.sh STORE.sqlite}
[ -f "$store" ] || { echo "store-digest: $store not found" >&2; exit 1; }
query="SELECT d.path, d.sha256, d.status, ifnull(d.failure, ''), ifnull(r.ordinal, ''), ifnull(r.json, '')
       FROM documents d LEFT JOIN records r ON r.document_id = d.id ORDER BY d.path, r.ordinal"
if command -v sqlite3 >/dev/null 2>&1; then
  docs=$(sqlite3 -readonly "$store" "SELECT count(*) FROM documents")
  recs=$(sqlite3 -readonly "$store" "SELECT count(*) FROM records")
  hash=$(sqlite3 -readonly -separator $'\t' "$store" "$query" | sha256sum | cut -d' ' -f1)
else
  read -r docs recs hash < <(python3 - "$store" "$query" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
h = hashlib.sha256()
for row in db.execute(sys.argv[2]):
    h.update(("\t".join(str(c) for c in row) + "\n").encode())
docs = db.execute("SELECT count(*) FROM documents").fetchone()[0]
recs = db.execute("SELECT count(*) FROM records").fetchone()[0]
print(docs, recs, h.hexdigest())
PY
)
fi
echo "$docs $recs $hash"
