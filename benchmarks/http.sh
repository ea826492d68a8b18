#!/usr/bin/env bash
# /essay under load: the site (published, Production settings) against the same HTML served as a static
# file by nginx on this machine, in alternating rounds of wrk at 64 connections. A third server in the same rounds,
# ASP.NET Core with an empty pipeline writing the same bytes (benchmarks/bare-kestrel.cs), shows what the runtime
# itself costs here. Also prints the time from process start to the first 200 and the site's memory after a
# minute of load.
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
# Each step may fail (the site already stopped); none may keep the others from running, or nginx outlives the script.
cleanup() {
  if [ -n "${app_pid:-}" ]; then kill "$app_pid" 2>/dev/null || true; fi
  if [ -n "${bare_pid:-}" ]; then kill "$bare_pid" 2>/dev/null || true; fi
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
  }
}
NGINX
nginx -c "$work/nginx.conf"
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/essay/" && break; sleep 0.05; done
curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/essay/" || { echo "nginx did not serve the page:"; cat "$work/nginx-error.log"; exit 1; }
three_starts start_bare stop_bare "$bare_port"
bare_startups=("${started_ms[@]}")

to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v } else { sub(/s$/, "", v); print v * 1000 } }'
}
run() { # url -> "rps p50 p99"
  local out; out=$(wrk -t2 -c64 -d"${secs}s" --latency "$1")
  local rps; rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  local p50; p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  local p99; p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  echo "$rps $p50 $p99"
}

wrk -t2 -c64 -d3s "http://127.0.0.1:$site_port/essay" >/dev/null
wrk -t2 -c64 -d3s "http://127.0.0.1:$nginx_port/essay/" >/dev/null
wrk -t2 -c64 -d3s "http://127.0.0.1:$bare_port/essay" >/dev/null
echo "http benchmark: /essay ($(wc -c < "$work/static/essay/index.html") bytes of HTML), wrk -t2 -c64, ${rounds} alternating rounds of ${secs}s, $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-8s %-6s %12s %10s %10s\n' round server "requests/s" "p50 ms" "p99 ms"
site_rps=() nginx_rps=() site_p99=() site_p50=() nginx_p50=() nginx_p99=() bare_rps=() bare_p50=() bare_p99=()
for r in $(seq 1 "$rounds"); do
  read -r rps p50 p99 < <(run "http://127.0.0.1:$site_port/essay")
  printf '%-8s %-6s %12s %10s %10s\n' "$r" site "$rps" "$p50" "$p99"
  site_rps+=("$rps"); site_p50+=("$p50"); site_p99+=("$p99")
  read -r rps p50 p99 < <(run "http://127.0.0.1:$nginx_port/essay/")
  printf '%-8s %-6s %12s %10s %10s\n' "$r" nginx "$rps" "$p50" "$p99"
  nginx_rps+=("$rps"); nginx_p50+=("$p50"); nginx_p99+=("$p99")
  read -r rps p50 p99 < <(run "http://127.0.0.1:$bare_port/essay")
  printf '%-8s %-6s %12s %10s %10s\n' "$r" bare "$rps" "$p50" "$p99"
  bare_rps+=("$rps"); bare_p50+=("$p50"); bare_p99+=("$p99")
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

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
s_rps=$(median "${site_rps[@]}"); n_rps=$(median "${nginx_rps[@]}")
printf '%-15s %12s %10s %10s\n' "median" "requests/s" "p50 ms" "p99 ms"
printf '%-15s %12s %10s %10s\n' site "$s_rps" "$(median "${site_p50[@]}")" "$(median "${site_p99[@]}")"
printf '%-15s %12s %10s %10s\n' nginx "$n_rps" "$(median "${nginx_p50[@]}")" "$(median "${nginx_p99[@]}")"
printf '%-15s %12s %10s %10s\n' bare "$(median "${bare_rps[@]}")" "$(median "${bare_p50[@]}")" "$(median "${bare_p99[@]}")"
echo "site / nginx requests per second: $(awk -v a="$s_rps" -v b="$n_rps" 'BEGIN { printf "%.2f", a / b }')  (target at least 0.50; site p99 target under 10 ms)"
echo "site / bare ASP.NET Core requests per second: $(awk -v a="$s_rps" -v b="$(median "${bare_rps[@]}")" 'BEGIN { printf "%.2f", a / b }')"
echo "start-up, process start to first 200: median $(median "${startups[@]}") ms of ${startups[*]} (target under 1000 ms); polled with curl as before: ${curl_startup_ms} ms; bare ASP.NET Core: median $(median "${bare_startups[@]}") ms of ${bare_startups[*]}"
echo "site memory (RSS) after $(( secs * rounds + 3 )) s of load: ${rss_mb} MB (target under 150 MB); bare ASP.NET Core after the same load: ${bare_rss_mb} MB"
