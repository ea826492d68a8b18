#!/usr/bin/env bash
# Scale: the site with 1,000 generated commentary pages, measured against the site as shipped, in one run.
# Prints start-up time to the first 200, `check` time, /commentary pagination and search latency (median, p90).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# The published app, as shipped: only publishing precompiles it (ReadyToRun), and the build output's
# `check` is printed beside it for comparison.
dotnet publish src/EssaySite -c Release -o "$work/app" -nologo -v quiet >/dev/null
app=$work/app/EssaySite.dll
built=src/EssaySite/bin/Release/net10.0/EssaySite.dll

cp -r content "$work/shipped"
cp -r content "$work/scaled"
bash benchmarks/generate-commentary.sh "$work/scaled" 1000

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
source benchmarks/first-200.sh

measure() { # name content-dir port
  local name=$1 dir=$2 port=$3 t0 pid
  t0=$(date +%s%N)
  Site__ContentPath="$dir" dotnet "$app" check >/dev/null
  local check_ms; check_ms=$(ms "$t0")
  t0=$(date +%s%N)
  Site__ContentPath="$dir" dotnet "$built" check >/dev/null
  local built_check_ms; built_check_ms=$(ms "$t0")

  t0=$(date +%s%N)
  Site__ContentPath="$dir" ASPNETCORE_URLS="http://127.0.0.1:$port" Serilog__MinimumLevel__Default=Warning dotnet "$app" >/dev/null 2>&1 &
  pid=$!
  wait_for_200 "$port" /essay || { echo "the site did not answer 200 on /essay"; exit 1; }
  local start_ms; start_ms=$(ms "$t0")

  local pages; pages=$(curl -s "http://127.0.0.1:$port/commentary" | grep -o 'Page 1 of [0-9]*' || echo "Page 1 of 1")
  local last=${pages##* }
  local last_url="/commentary"; [ "$last" -gt 1 ] && last_url="/commentary/page/$last"
  local last_status; last_status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$last_url")

  local queries=("Soleimani" "Suleimani embassy" "Mosaddeq coup" "chemical weapons" "sanctions tanker" "note0500" "Iran Air Flight 655" "archipelago of bases")
  for q in "${queries[@]}"; do curl -s -o /dev/null "http://127.0.0.1:$port/search?q=${q// /+}"; done
  local times=()
  for round in $(seq 1 25); do
    for q in "${queries[@]}"; do
      times+=("$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port/search?q=${q// /+}")")
    done
  done
  local sorted; sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  local n=${#times[@]}
  local median; median=$(echo "$sorted" | sed -n "$(( (n + 1) / 2 ))p")
  local p90; p90=$(echo "$sorted" | sed -n "$(( n * 9 / 10 ))p")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%-26s start-up to first 200: %5d ms   check: %5d ms (build output, not precompiled: %5d ms)   /commentary: %-12s (last page %s)   search median: %6.1f ms  p90: %6.1f ms (%d requests)\n' \
    "$name" "$start_ms" "$check_ms" "$built_check_ms" "$pages" "$last_status" "$(echo "$median * 1000" | bc -l)" "$(echo "$p90 * 1000" | bc -l)" "$n"
}

echo "scale benchmark on $(nproc) cores, $(date -u +%Y-%m-%d)"
measure "shipped content" "$work/shipped" 5301
measure "+1,000 commentary pages" "$work/scaled" 5302
echo "targets with 1,000 pages: start-up < 3000 ms, check < 5000 ms, search median < 50 ms"
