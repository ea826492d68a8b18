# Sourced by the benchmarks: waits for the first 200 from a server that is starting, without starting a
# process for each try. A curl and a sleep every few milliseconds take CPU from the server they wait for;
# on two cores that added about 200 ms to the start-up they measured.

# A pipe nobody writes to: `read -t` on it pauses the shell without starting a `sleep`.
exec {first_200_pause}<> <(:)

# answers_200 port path: one GET, sent by the shell itself; true when the status is 200.
answers_200() {
  local fd status=""
  { exec {fd}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&"$fd"
  read -r _ status _ <&"$fd" || true
  exec {fd}<&-
  [ "$status" = 200 ]
}

# wait_for_200 port path [seconds]: tries every 5 ms until the answer is 200; fails after the time limit.
wait_for_200() {
  local deadline=$(( SECONDS + ${3:-60} ))
  until answers_200 "$1" "$2"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    read -r -t 0.005 -u "$first_200_pause" _ || true
  done
}
