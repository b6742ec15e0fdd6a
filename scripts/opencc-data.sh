#!/usr/bin/env bash
# Regenerates models/opencc/ (the traditional → simplified character table the normaliser embeds) from OpenCC's own
# data as Debian packages it:
#   models/opencc/TSCharacters.txt   OpenCC's TSCharacters dictionary as text, one "traditional<TAB>candidates" a line
#                                    (candidates space-separated, OpenCC's preferred one first), sorted by code point
#   models/opencc/NOTICE             where it came from: OpenCC, its copyright and licence, the packages and the command
#   models/opencc/LICENSE            the Apache License 2.0 text (Debian's /usr/share/common-licenses/Apache-2.0)
#
#   bash scripts/opencc-data.sh                    # the pinned Debian version (OPENCC_DEB_VERSION below)
#   OPENCC_DEB_VERSION= bash scripts/opencc-data.sh   # whatever version apt offers now
#
# Needs apt-get (only `apt-get download`, nothing is installed) and dpkg-deb. The output depends only on the package
# version: the table is sorted bytewise (LC_ALL=C), so two runs give identical files.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
out="$repo/models/opencc"
version="${OPENCC_DEB_VERSION-1.1.6+ds1-1}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

pin() { if [ -n "$version" ]; then echo "$1=$version"; else echo "$1"; fi; }
# libmarisa0 is only needed to run opencc_dict; its version is not pinned (it does not change the data).
apt-get download -q "$(pin libopencc-data)" "$(pin libopencc1.1)" "$(pin opencc)" libmarisa0 >/dev/null 2>&1 \
  || apt-get download "$(pin libopencc-data)" "$(pin libopencc1.1)" "$(pin opencc)" libmarisa0
for d in ./*.deb; do dpkg-deb -x "$d" occ; done

deb_version=$(dpkg-deb -f ./libopencc-data_*.deb Version)
LD_LIBRARY_PATH=occ/usr/lib/x86_64-linux-gnu occ/usr/bin/opencc_dict \
  -i occ/usr/share/opencc/TSCharacters.ocd2 -o TSCharacters.unsorted.txt -f ocd2 -t text
LC_ALL=C sort TSCharacters.unsorted.txt > TSCharacters.txt
lines=$(wc -l < TSCharacters.txt)
if [ "$lines" -lt 4000 ]; then
  echo "opencc-data: TSCharacters has only $lines lines; refusing to write it" >&2
  exit 1
fi

mkdir -p "$out"
cp TSCharacters.txt "$out/TSCharacters.txt"
cp /usr/share/common-licenses/Apache-2.0 "$out/LICENSE"
cat > "$out/NOTICE" <<EOF
GovTextExtract embeds data of OpenCC (Open Chinese Convert), https://github.com/BYVoid/OpenCC

  Copyright 2010-2022 BYVoid <byvoid.kcp@gmail.com>
  Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in compliance
  with the License. A copy of the License is in the file LICENSE beside this one, and at
  http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing, software
  distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,
  either express or implied. See the License for the specific language governing permissions and limitations under
  the License.

TSCharacters.txt is OpenCC's traditional-to-simplified character dictionary (TSCharacters.ocd2) from the Debian
package libopencc-data $deb_version, written out as text with OpenCC's own tool and sorted by code point. It was
not otherwise changed. Command (scripts/opencc-data.sh):

  apt-get download libopencc-data libopencc1.1 opencc libmarisa0   # version $deb_version
  for d in *.deb; do dpkg-deb -x \$d occ; done
  LD_LIBRARY_PATH=occ/usr/lib/x86_64-linux-gnu occ/usr/bin/opencc_dict \\
    -i occ/usr/share/opencc/TSCharacters.ocd2 -o TSCharacters.txt -f ocd2 -t text
  LC_ALL=C sort

$lines lines.
EOF
echo "opencc-data: wrote $out (libopencc-data $deb_version, $lines lines)"
