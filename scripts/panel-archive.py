#!/usr/bin/env python3
"""Writes a synthetic archive of government work reports for timing `govtext panel` (docs/panel.md).

Each file is a real work report of the corpus under a new first line that places it: "{year}年合成{n}市政府工作报告",
n written with the stems 甲乙丙丁戊己庚辛壬癸 for the digits (a title's place holds no digits).
PLACES places × YEARS years; the bodies cycle through the corpus's work reports (the files whose names are
PLACE-YEAR.txt). Usage: scripts/panel-archive.py ../shared/corpus/raw /tmp/archive [PLACES] [YEARS]
"""
import os
import re
import sys

raw, out = sys.argv[1], sys.argv[2]
places = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
years = int(sys.argv[4]) if len(sys.argv) > 4 else 10
bodies = []
for name in sorted(os.listdir(raw)):
    if re.fullmatch(r"[a-z-]+-\d{4}\.txt", name):
        with open(os.path.join(raw, name), encoding="utf-8") as f:
            bodies.append(f.read())
os.makedirs(out, exist_ok=True)
STEMS = "甲乙丙丁戊己庚辛壬癸"
for p in range(places):
    name = "".join(STEMS[int(d)] for d in f"{p:05d}")
    for k in range(years):
        body = bodies[(p * years + k) % len(bodies)]
        with open(os.path.join(out, f"place{p:05d}-{2010 + k}.txt"), "w", encoding="utf-8") as f:
            f.write(f"{2010 + k}年合成{name}市政府工作报告\n" + body)
print(f"{places * years} reports from {len(bodies)} bodies in {out}")
