#!/usr/bin/env bash
# The site under load (published, Production settings, request log on as shipped) against two references in the
# same alternating rounds of wrk at 64 connections: nginx serving the same bytes as static files, and ASP.NET Core
# with an empty pipeline writing the same bytes (benchmarks/bare-kestrel.cs), which is what the runtime itself
# costs here. Three loads: /essay as plain HTML; a guide page (/timeline) asked for with Accept-Encoding: br; and
# search, 50 different queries in rotation. Also the time from process start to the first 200 on /essay, and
# memory after the load, each against the empty app's. Prints every figure with its ratio and the target.
# usage: benchmarks/http.sh [seconds-per-round (default 20)] [rounds (default 3)]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
rounds=${2:-3}
for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || { echo "needs $tool (Debian: apt-get install -y wrk nginx curl)"; exit 1; }
done
work=$(mktemp -d)
chmod 755 "$work"   # nginx's workers run as another user and must read the page
site_port=5401
nginx_port=5402
bare_port=5403
bare_br_port=5404
# Each step may fail (the site already stopped); none may keep the others from running, or nginx outlives the script.
cleanup() {
  if [ -n "${app_pid:-}" ]; then kill "$app_pid" 2>/dev/null || true; fi
  if [ -n "${bare_pid:-}" ]; then kill "$bare_pid" 2>/dev/null || true; fi
  if [ -n "${bare_br_pid:-}" ]; then kill "$bare_br_pid" 2>/dev/null || true; fi
  if [ -f "$work/nginx.pid" ]; then kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet publish src/EssaySite -c Release -o "$work/app" -nologo -v quiet >/dev/null
dotnet publish benchmarks/bare-kestrel.cs -c Release -o "$work/bare" -nologo -v quiet >/dev/null

source benchmarks/first-200.sh
start_site() { # starts the published site; sets app_pid
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$site_port" exec dotnet app/EssaySite.dll >/dev/null 2>&1) &
  app_pid=$!
}
stop_site() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=; }
start_bare() { # the empty ASP.NET Core app, answering with the page nginx serves; sets bare_pid
  (cd "$work" && ASPNETCORE_URLS="http://127.0.0.1:$bare_port" exec dotnet bare/bare-kestrel.dll static/essay/index.html >/dev/null 2>&1) &
  bare_pid=$!
}
stop_bare() { kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true; bare_pid=; }
# three_starts start stop port: process start to the first 200 on /essay, three times; the third stays up for
# the load. Sets started_ms to the three times.
three_starts() {
  started_ms=()
  local attempt start
  for attempt in 1 2 3; do
    start=$(date +%s%N)
    "$1"
    wait_for_200 "$3" /essay || { echo "$1: no 200 on /essay"; exit 1; }
    started_ms+=("$(( ($(date +%s%N) - start) / 1000000 ))")
    if [ "$attempt" -lt 3 ]; then "$2"; fi
  done
}

three_starts start_site stop_site "$site_port"
startups=("${started_ms[@]}")

mkdir -p "$work/static/essay"
curl -s "http://127.0.0.1:$site_port/essay" > "$work/static/essay/index.html"
# The Brotli bytes the site sends for /timeline (from its edition, once built).
for _ in $(seq 1 100); do
  curl -s -D "$work/timeline.headers" -H 'Accept-Encoding: br' "http://127.0.0.1:$site_port/timeline" -o "$work/static/timeline.br"
  grep -qi '^etag:' "$work/timeline.headers" && break
  sleep 0.1
done
grep -qi '^content-encoding: br' "$work/timeline.headers" || { echo "the site did not send /timeline as Brotli"; exit 1; }
cat > "$work/search.lua" <<'LUA'
local queries = { "iran", "soleimani", "iraq", "sanctions", "nuclear", "embassy", "congress", "imminent", "bolton",
  "pompeo", "milley", "halabja", "mossadegh", "coup", "hostage", "revolution", "saddam", "chemical", "weapons",
  "airliner", "vincennes", "withdrawal", "uranium", "rockets", "kataib", "hezbollah", "airport", "missiles",
  "bases", "troops", "war", "powers", "resolution", "veto", "parliament", "protests", "drone", "assassination",
  "imperialism", "orientalism", "police", "equipment", "marches", "invasion", "islamic state", "quds force",
  "trump", "obama", "deal", "peace" }
local i = 0
request = function()
  i = i % #queries + 1
  return wrk.format("GET", "/search?q=" .. queries[i]:gsub(" ", "+"))
end
LUA
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { text/html html; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    location / { index index.html; }
    location = /timeline { default_type text/html; add_header Content-Encoding br; alias $work/static/timeline.br; }
  }
}
NGINX
nginx -c "$work/nginx.conf"
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/essay/" && break; sleep 0.05; done
curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/essay/" || { echo "nginx did not serve the page:"; cat "$work/nginx-error.log"; exit 1; }
three_starts start_bare stop_bare "$bare_port"
bare_startups=("${started_ms[@]}")
(cd "$work" && ASPNETCORE_URLS="http://127.0.0.1:$bare_br_port" exec dotnet bare/bare-kestrel.dll static/timeline.br br >/dev/null 2>&1) &
bare_br_pid=$!
wait_for_200 "$bare_br_port" /timeline || { echo "the empty app did not serve the Brotli page"; exit 1; }

to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else { sub(/s$/, "", v); print v * 1000 } }'
}
run() { # url [wrk options…] -> "rps p50 p99"
  local url=$1; shift
  local out; out=$(wrk -t2 -c64 -d"${secs}s" --latency "$@" "$url")
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  local p50; p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  local p99; p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  echo "$rps $p50 $p99"
}

br=(-H "Accept-Encoding: br")
wrk -t2 -c64 -d3s "http://127.0.0.1:$site_port/essay" >/dev/null
wrk -t2 -c64 -d3s "http://127.0.0.1:$nginx_port/essay/" >/dev/null
wrk -t2 -c64 -d3s "http://127.0.0.1:$bare_port/essay" >/dev/null
wrk -t2 -c64 -d3s -s "$work/search.lua" "http://127.0.0.1:$site_port" >/dev/null
# Every server is warmed on every load it is measured on, so no first round pays a JIT the others do not.
wrk -t2 -c64 -d3s "${br[@]}" "http://127.0.0.1:$site_port/timeline" >/dev/null
wrk -t2 -c64 -d3s "${br[@]}" "http://127.0.0.1:$nginx_port/timeline" >/dev/null
wrk -t2 -c64 -d3s "${br[@]}" "http://127.0.0.1:$bare_br_port/timeline" >/dev/null
echo "http benchmark: /essay ($(wc -c < "$work/static/essay/index.html") bytes of HTML), /timeline as Brotli ($(wc -c < "$work/static/timeline.br") bytes), search (50 queries in rotation); wrk -t2 -c64, ${rounds} alternating rounds of ${secs}s, $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-8s %-14s %12s %10s %10s\n' round server "requests/s" "p50 ms" "p99 ms"
declare -A rps p50 p99
measure() { # name url [wrk options…]
  local name=$1; shift
  local r50 r99 rr
  read -r rr r50 r99 < <(run "$@")
  printf '%-8s %-14s %12s %10s %10s\n' "$r" "$name" "$rr" "$r50" "$r99"
  rps[$name]+="$rr "; p50[$name]+="$r50 "; p99[$name]+="$r99 "
}
for r in $(seq 1 "$rounds"); do
  measure site "http://127.0.0.1:$site_port/essay"
  measure nginx "http://127.0.0.1:$nginx_port/essay/"
  measure bare "http://127.0.0.1:$bare_port/essay"
  measure site-br "http://127.0.0.1:$site_port/timeline" "${br[@]}"
  measure nginx-br "http://127.0.0.1:$nginx_port/timeline" "${br[@]}"
  measure bare-br "http://127.0.0.1:$bare_br_port/timeline" "${br[@]}"
  measure site-search "http://127.0.0.1:$site_port" -s "$work/search.lua"
done
rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status")
bare_rss_mb=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$bare_pid/status")
stop_site
stop_bare

# The same start-up measured as earlier versions of this script did: a curl and a sleep every 5 ms, which
# compete with the site for the two cores. Printed beside the figure above for comparison with old runs.
start=$(date +%s%N)
start_site
until curl -sf -o /dev/null "http://127.0.0.1:$site_port/essay"; do sleep 0.005; done
curl_startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
stop_site

median() { printf '%s\n' $@ | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-15s %12s %10s %10s\n' "median" "requests/s" "p50 ms" "p99 ms"
for name in site nginx bare site-br nginx-br bare-br site-search; do
  printf '%-15s %12s %10s %10s\n' "$name" "$(median ${rps[$name]})" "$(median ${p50[$name]})" "$(median ${p99[$name]})"
done
echo "/essay: site / empty app requests per second $(ratio "$(median ${rps[site]})" "$(median ${rps[bare]})") (target at least 0.90); site / nginx $(ratio "$(median ${rps[site]})" "$(median ${rps[nginx]})"); p99 site / nginx $(ratio "$(median ${p99[site]})" "$(median ${p99[nginx]})") (target at most 1.50)"
echo "/timeline as Brotli: site / empty app requests per second $(ratio "$(median ${rps[site-br]})" "$(median ${rps[bare-br]})") (target at least 0.90); p99 site / nginx $(ratio "$(median ${p99[site-br]})" "$(median ${p99[nginx-br]})") (target at most 1.50)"
echo "search, 50 queries in rotation: $(median ${rps[site-search]}) requests/s, $(ratio "$(median ${rps[site-search]})" "$(median ${rps[site]})") of /essay's (target at least 0.25)"
echo "start-up, process start to first 200 on /essay: site median $(median "${startups[@]}") ms of ${startups[*]}; empty app median $(median "${bare_startups[@]}") ms of ${bare_startups[*]}; ratio $(ratio "$(median "${startups[@]}")" "$(median "${bare_startups[@]}")") (target at most 2.50); polled with curl as before: ${curl_startup_ms} ms"
echo "memory (RSS) after the load: site ${rss_mb} MB, empty app ${bare_rss_mb} MB; ratio $(ratio "$rss_mb" "$bare_rss_mb") (target at most 1.60)"
