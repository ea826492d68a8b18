#!/usr/bin/env bash
# Writes N generated commentary pages into a content folder, for benchmarks only (never committed).
# usage: benchmarks/generate-commentary.sh CONTENT_DIR [N]
set -euo pipefail
dir=$1/commentary
n=${2:-1000}
mkdir -p "$dir"
words=(coup revolution sanctions embassy missiles deal inspectors drone parliament treaty ceasefire pipeline tanker border envoy)
for i in $(seq 1 "$n"); do
  w1=${words[$((i % ${#words[@]}))]}
  w2=${words[$(((i * 7) % ${#words[@]}))]}
  day=$(( (i % 28) + 1 ))
  month=$(( (i % 12) + 1 ))
  printf -- '---\ntitle: "Generated note %04d on the %s"\nauthor: "Benchmark"\ndate: 2025-%02d-%02d\nsummary: "A generated page about the %s and the %s."\nparagraphs: [%d]\n---\n\n## Background\n\nThis generated page number %d discusses the %s and the %s, with a link to [paragraph %d](/essay#p%d) and to [the timeline](/timeline#1953-coup).\n\nA second paragraph repeats words such as Soleimani, Mossadegh, Baghdad and Tehran so that search has work to do, and mentions note%04d.\n' \
    "$i" "$w1" "$month" "$day" "$w1" "$w2" $(( (i % 30) + 1 )) "$i" "$w1" "$w2" $(( (i % 30) + 1 )) $(( (i % 30) + 1 )) "$i" > "$dir/generated-$i.md"
done
