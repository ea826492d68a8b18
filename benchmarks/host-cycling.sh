#!/usr/bin/env bash
# The site's own address under a client that sends every request with a new Host header (h1.example, h2.example, …),
# side by side with no such client, in alternating rounds of the same run. Each measured load is wrk on /essay at the
# address the site listens on; the attack is a second wrk, started just before it, asking for /timeline with a Host
# no one has asked for before. Two configurations: without Site:BaseUrl (each new Host's page is rendered on demand
# and kept in the bounded cache; the site's own edition stays), and with it (every Host is answered from the one
# edition). Prints each round, the medians, and the ratio under attack to without.
# usage: benchmarks/host-cycling.sh [seconds-per-round (default 10)] [rounds (default 3)] [published app folder (default: publish now)]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
rounds=${2:-3}
command -v wrk >/dev/null || { echo "needs wrk (Debian: apt-get install -y wrk)"; exit 1; }
work=$(mktemp -d)
port=5411
cleanup() {
  if [ -n "${app_pid:-}" ]; then kill "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${3:-}" ]; then
  app=$(cd "$3" && pwd)
else
  dotnet publish src/EssaySite -c Release -o "$work/app" -nologo -v quiet >/dev/null
  app="$work/app"
fi

source benchmarks/first-200.sh
start_site() { # [Site__BaseUrl]: starts the published site; sets app_pid
  local base=()
  if [ -n "${1:-}" ]; then base=(--Site:BaseUrl="$1"); fi
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" exec dotnet "$app/EssaySite.dll" "${base[@]}" >/dev/null 2>&1) &
  app_pid=$!
  wait_for_200 "$port" /essay || { echo "the site did not answer /essay"; exit 1; }
  # Wait for the edition: its pages carry an ETag.
  for _ in $(seq 1 300); do
    curl -s -D - -o /dev/null "http://127.0.0.1:$port/timeline" | grep -qi '^etag:' && return
    sleep 0.1
  done
  echo "the site's edition was not built"; exit 1
}
stop_site() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }

cat > "$work/cycle.lua" <<'LUA'
-- Every request a Host never sent before: each wrk thread counts from its own start.
local n = 0
local base = math.random(1, 1000000000)
request = function()
  n = n + 1
  return wrk.format("GET", "/timeline", { Host = "h" .. (base + n) .. ".example" })
end
LUA

rps() { awk '/Requests\/sec/ { print $2 }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
quiet() { wrk -t1 -c32 -d"${secs}s" "http://127.0.0.1:$port/essay" | rps; }
attacked() { # prints "real attacker"
  wrk -t1 -c32 -d"$((secs + 2))s" -s "$work/cycle.lua" "http://127.0.0.1:$port" > "$work/attack.out" &
  local attacker=$!
  sleep 1
  local real; real=$(quiet)
  wait "$attacker"
  echo "$real $(rps < "$work/attack.out")"
}

echo "host-cycling benchmark: wrk -t1 -c32 on /essay at the listening address, alone and beside wrk -t1 -c32 sending /timeline with a new Host each request; ${rounds} alternating rounds of ${secs}s, $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-10s %-6s %-10s %14s %16s\n' config round load "real req/s" "attacker req/s"
summary=()
for config in no-base-url base-url; do
  if [ "$config" = base-url ]; then start_site "http://127.0.0.1:$port"; else start_site; fi
  wrk -t1 -c32 -d3s "http://127.0.0.1:$port/essay" >/dev/null
  wrk -t1 -c32 -d3s -s "$work/cycle.lua" "http://127.0.0.1:$port" >/dev/null
  alone=(); under=(); attack=()
  for r in $(seq 1 "$rounds"); do
    a=$(quiet); alone+=("$a")
    printf '%-10s %-6s %-10s %14s %16s\n' "$config" "$r" alone "$a" -
    read -r u x < <(attacked); under+=("$u"); attack+=("$x")
    printf '%-10s %-6s %-10s %14s %16s\n' "$config" "$r" attacked "$u" "$x"
  done
  rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
  stop_site
  summary+=("$config: real address $(median "${alone[@]}") req/s alone, $(median "${under[@]}") under attack (ratio $(ratio "$(median "${under[@]}")" "$(median "${alone[@]}")")); attacker $(median "${attack[@]}") req/s; RSS after ${rss_mb} MB")
done
printf '%s\n' "${summary[@]}"
