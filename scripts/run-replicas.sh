#!/usr/bin/env bash
# Runs N API replicas (default 2) on ports 5081, 5082, … sharing one PostgreSQL and one Redis from scripts/services.sh
# (started, and installed, when not running). Development environment, so the replicas share the local signing key in
# src/Firewall.Api/data and `dotnet run --project src/Firewall.Cli -- token` works as usual. Ctrl+C stops the replicas;
# `scripts/services.sh down` stops PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-2}"
eval "$(scripts/services.sh env 2>/dev/null || scripts/services.sh up)"

pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$FIREWALL_TEST_POSTGRES")
pg_password=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$FIREWALL_TEST_POSTGRES")
PGPASSWORD="$pg_password" psql -h 127.0.0.1 -p "$pg_port" -U firewall -d postgres -qtc \
  "SELECT 1 FROM pg_database WHERE datname = 'firewall'" | grep -q 1 ||
  PGPASSWORD="$pg_password" psql -h 127.0.0.1 -p "$pg_port" -U firewall -d postgres -qc "CREATE DATABASE firewall"

export ASPNETCORE_ENVIRONMENT=Development
export Firewall__DataPath="$PWD/src/Firewall.Api/data"
export Firewall__Store__Provider=postgres
export ConnectionStrings__Firewall="${FIREWALL_TEST_POSTGRES/Database=postgres/Database=firewall}"
export ConnectionStrings__Redis="$FIREWALL_TEST_REDIS"

dotnet build src/Firewall.Api -c Release -v quiet -nologo
cd src/Firewall.Api # the content root, where appsettings.json is
dotnet bin/Release/net10.0/Firewall.Api.dll --migrate

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
for i in $(seq 1 "$count"); do
  port=$((5080 + i))
  dotnet bin/Release/net10.0/Firewall.Api.dll --urls "http://localhost:$port" > "$FIREWALL_SERVICES_DIR/api-$i.log" 2>&1 &
  pids+=($!)
  echo "replica $i: http://localhost:$port (log: $FIREWALL_SERVICES_DIR/api-$i.log)"
done
echo "PostgreSQL and Redis: $FIREWALL_TEST_POSTGRES / $FIREWALL_TEST_REDIS. Ctrl+C stops the replicas."
wait
