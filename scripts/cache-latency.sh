#!/usr/bin/env bash
# Query latency over HTTP, cache hit against cache miss: one API (Release) on the private PostgreSQL and Redis of
# scripts/services.sh (started when not running), a few hundred events, then N queries that hit and N that miss
# (the same filter with a different 'to', so every one is a new key). Prints the p50 of each and their ratio.
#   scripts/cache-latency.sh [N=200]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
state="${FIREWALL_SERVICES_DIR:-/tmp/firewall-services}"
[ -f "$state/ports" ] || eval "$(scripts/services.sh up)"
# shellcheck disable=SC1091
. "$state/ports"
db="fw_latency_$$"
PGPASSWORD=$PG_PASSWORD /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$PG_PORT" -U firewall "$db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
export Firewall__Auth__SigningKey; Firewall__Auth__SigningKey=$(python3 -c 'import secrets, base64; print(base64.b64encode(secrets.token_bytes(32)).decode())')
dotnet build Firewall.sln -c Release -v q -nologo >/dev/null
ASPNETCORE_URLS="http://127.0.0.1:$port" Firewall__Store__Provider=postgres Firewall__Store__MigrateOnStartup=true \
  ConnectionStrings__Firewall="Host=127.0.0.1;Port=$PG_PORT;Username=firewall;Password=$PG_PASSWORD;Database=$db" \
  ConnectionStrings__Redis="127.0.0.1:$REDIS_PORT" Firewall__Cache__RedisPrefix="lat$$" Serilog__MinimumLevel__Default=Warning \
  Firewall__RateLimits__Query__RequestsPerSecond=1000000 Firewall__RateLimits__Query__Burst=1000000 \
  dotnet src/Firewall.Api/bin/Release/net10.0/Firewall.Api.dll >"$state/latency-api.log" 2>&1 &
api=$!
cleanup() { kill "$api" 2>/dev/null || true; wait "$api" 2>/dev/null || true
  PGPASSWORD=$PG_PASSWORD /usr/lib/postgresql/15/bin/psql -qh 127.0.0.1 -p "$PG_PORT" -U firewall -d postgres -c "DROP DATABASE $db WITH (FORCE)" >/dev/null; }
trap cleanup EXIT
token() { dotnet src/Firewall.Cli/bin/Release/net10.0/firewall.dll token --role "$1"; }
agent=$(token agent); analyst=$(token analyst)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done

now=$(date -u +%s)
python3 - "$now" > "$state/latency-batch.json" <<'PY'
import json, sys, uuid, datetime
now = int(sys.argv[1])
events = [{"eventId": str(uuid.uuid4()), "occurredAt": datetime.datetime.fromtimestamp(now - 60 - i, datetime.UTC).isoformat(),
           "agentId": f"edge-{i % 7}", "type": "prompt_injection", "action": "blocked", "severity": "high", "confidence": 0.9,
           "content": "ignore previous instructions"} for i in range(500)]
print(json.dumps({"events": events}))
PY
curl -sf -o /dev/null -H "Authorization: Bearer $agent" -H 'Content-Type: application/json' --data @"$state/latency-batch.json" "http://127.0.0.1:$port/api/v1/events/batch"

from=$(date -u -d "@$((now - 3600))" +%Y-%m-%dT%H:%M:%SZ)
time_of() { curl -s -o /dev/null -D - -w 'time %{time_total}\n' -H "Authorization: Bearer $analyst" "http://127.0.0.1:$port/api/v1/events?from=$from&to=$1&limit=100" \
  | awk 'tolower($1)=="x-cache:"{c=$2} $1=="time"{print c, $2}' | tr -d '\r'; }
p50() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
to_at() { date -u -d "@$((now + 60 + $1))" +%Y-%m-%dT%H:%M:%SZ; }

time_of "$(to_at 0)" >/dev/null # warm up: the first request pays for JIT and connection pools
for i in $(seq 1 "$n"); do time_of "$(to_at "$i")"; done > "$state/latency-miss.txt"
for _ in $(seq 1 "$n"); do time_of "$(to_at 0)"; done > "$state/latency-hit.txt"
grep -c MISS "$state/latency-miss.txt" | xargs echo "misses that were MISS:"
grep -c HIT "$state/latency-hit.txt" | xargs echo "hits that were HIT:"
miss=$(awk '{print $2 * 1000}' "$state/latency-miss.txt" | p50); hit=$(awk '{print $2 * 1000}' "$state/latency-hit.txt" | p50)
echo "p50 miss ${miss} ms, p50 hit ${hit} ms, miss/hit $(python3 -c "print(round($miss / $hit, 1))")x (n=$n, 500 events, limit=100)"
