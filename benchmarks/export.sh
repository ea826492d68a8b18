#!/usr/bin/env bash
# Export speed: `export` of the site with 1,000 generated commentary pages, against Debian's Hugo building
# the same 1,000 Markdown files with a minimal theme, in alternating rounds of one run.
# Prints each tool's median wall time, the ratio (target: export within 2x Hugo) and what each wrote.
# usage: benchmarks/export.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
if ! command -v hugo >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo >/dev/null
  else echo "benchmarks/export.sh needs hugo (Debian: sudo apt-get install -y hugo)" >&2; exit 1; fi
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The published app, as an operator runs it (publishing precompiles it).
dotnet publish src/EssaySite -c Release -o "$work/app" -nologo -v quiet >/dev/null
app=$work/app/EssaySite.dll

cp -r content "$work/content"
bash benchmarks/generate-commentary.sh "$work/content" 1000

# Hugo gets the same 1,000 Markdown files (their front matter is plain YAML) and a theme of three small
# templates: a page, a list, and the frame around them.
mkdir -p "$work/hugo/content" "$work/hugo/layouts/_default"
cp -r "$work/content/commentary" "$work/hugo/content/commentary"
rm -f "$work/hugo/content/commentary/"[!g]*.md  # only the generated pages
cat > "$work/hugo/hugo.toml" <<'TOML'
baseURL = "https://essay.example.org/"
title = "Benchmark"
disableKinds = ["taxonomy", "term"]
TOML
cat > "$work/hugo/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
cat > "$work/hugo/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Params.author }} · {{ .Date.Format "2 January 2006" }}</p>{{ .Content }}{{ end }}
HTML
cat > "$work/hugo/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>{{ end }}
HTML

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

# Each round writes into new folders, kept until the end: deleting a thousand files just before a timed run
# leaves the file system sorting out freed inodes while the next tool creates its own, which on this machine
# slowed whichever tool came next by up to several times.
# As the README runs it too: `dotnet run` from the source, which first checks that the build is up to date.
dotnet build src/EssaySite -c Release -nologo -v quiet >/dev/null
export_times=() hugo_times=() readme_times=()
for round in $(seq 1 "$rounds"); do
  t0=$(date +%s%N)
  dotnet "$app" export "$work/out-export-$round" --base-url https://essay.example.org/ --Site:ContentPath="$work/content" >/dev/null
  export_times+=("$(ms "$t0")")

  t0=$(date +%s%N)
  dotnet run --project src/EssaySite -c Release -- export "$work/out-readme-$round" --base-url https://essay.example.org/ --Site:ContentPath="$work/content" >/dev/null
  readme_times+=("$(ms "$t0")")

  t0=$(date +%s%N)
  hugo --quiet -s "$work/hugo" -d "$work/out-hugo-$round" >/dev/null
  hugo_times+=("$(ms "$t0")")
  echo "round $round: export ${export_times[-1]} ms (as the README runs it: ${readme_times[-1]} ms), hugo ${hugo_times[-1]} ms"
done

e=$(printf '%s\n' "${export_times[@]}" | median)
h=$(printf '%s\n' "${hugo_times[@]}" | median)
rd=$(printf '%s\n' "${readme_times[@]}" | median)
echo
printf '%-8s %10s %8s %8s\n' tool "median ms" files MB
printf '%-8s %10s %8s %8s\n' export "$e" "$(find "$work/out-export-1" -type f | wc -l)" "$(du -sm "$work/out-export-1" | cut -f1)"
printf '%-8s %10s %8s %8s\n' hugo "$h" "$(find "$work/out-hugo-1" -type f | wc -l)" "$(du -sm "$work/out-hugo-1" | cut -f1)"
ratio=$(awk -v e="$e" -v h="$h" 'BEGIN { printf "%.2f", e / h }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.0) ? "met" : "NOT met" }')
echo "export (published) / hugo: ${ratio}x (target <= 2.00x: $verdict)"
echo "export as the README runs it (dotnet run -c Release): median ${rd} ms, $(awk -v e="$rd" -v h="$h" 'BEGIN { printf "%.2f", e / h }')x hugo"
echo "the export writes each page with .br and .gz siblings (three files where Hugo writes one)"
