#!/usr/bin/env bash
# Private PostgreSQL 15 and Redis 7 instances for development and tests, on 127.0.0.1 and free ports, with their data
# in a temporary folder. Installs the Debian packages when they are missing.
#
#   eval "$(scripts/services.sh up)"   start both and export FIREWALL_TEST_POSTGRES, FIREWALL_TEST_REDIS, FIREWALL_SERVICES_DIR
#                                      (with FIREWALL_SERVICES=external, use the servers those two variables already
#                                      name instead, as GitLab's job services provide them)
#   scripts/services.sh env            print those exports again for running instances
#   scripts/services.sh down           stop both and remove their data
#   FIREWALL_PG_DURABLE=1 ... up       PostgreSQL with its default durability (fsync on), as the benchmark wants
#
# State lives in $FIREWALL_SERVICES_DIR (default /tmp/firewall-services). Everything but the exports goes to stderr.
set -euo pipefail

state="${FIREWALL_SERVICES_DIR:-/tmp/firewall-services}"
pg_bin=/usr/lib/postgresql/15/bin

log() { echo "services: $*" >&2; }

as_user() { # run as a service account when we are root (initdb refuses root); as ourselves otherwise
  local user=$1; shift
  if [ "$(id -u)" = 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

install_missing() {
  local packages=()
  [ -x "$pg_bin/initdb" ] || packages+=(postgresql-15)
  command -v redis-server >/dev/null || packages+=(redis-server)
  command -v python3 >/dev/null || packages+=(python3)
  [ ${#packages[@]} -eq 0 ] && return
  log "installing ${packages[*]}"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
}

print_env() {
  # shellcheck disable=SC1091
  . "$state/ports"
  echo "export FIREWALL_SERVICES_DIR='$state'"
  echo "export FIREWALL_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=firewall;Password=$PG_PASSWORD;Database=postgres'"
  echo "export FIREWALL_TEST_REDIS='127.0.0.1:$REDIS_PORT'"
}

start_postgres() {
  local data="$state/pg" password
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  mkdir -p "$data"
  chmod 0777 "$state" # the postgres account writes its socket and log here
  if [ "$(id -u)" = 0 ]; then chown postgres: "$data"; fi
  echo "$password" > "$state/pgpass.tmp"; chmod 0644 "$state/pgpass.tmp"
  as_user postgres "$pg_bin/initdb" -D "$data" -U firewall --pwfile="$state/pgpass.tmp" -A scram-sha-256 -E UTF8 >/dev/null
  rm -f "$state/pgpass.tmp"
  PG_PORT=$(free_port)
  # Tests favour speed over durability: nothing here outlives the run. The benchmark wants PostgreSQL's default
  # durability (every commit flushed), so that group commit is measured against real flushes: FIREWALL_PG_DURABLE=1.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${FIREWALL_PG_DURABLE:-}" = 1 ] && durability=""
  as_user postgres "$pg_bin/pg_ctl" -D "$data" -l "$state/pg.log" -w -o \
    "-h 127.0.0.1 -p $PG_PORT -k $state $durability -c max_connections=300" start >/dev/null
  echo "PG_PORT=$PG_PORT" >> "$state/ports"
  echo "PG_PASSWORD=$password" >> "$state/ports"
  log "PostgreSQL on 127.0.0.1:$PG_PORT"
}

start_redis() {
  local data="$state/redis"
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then chown redis: "$data"; fi
  REDIS_PORT=$(free_port)
  as_user redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$data" --daemonize yes \
    --pidfile "$data/redis.pid" --logfile "$data/redis.log" --save "" --appendonly no
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "REDIS_PORT=$REDIS_PORT" >> "$state/ports"
  log "Redis on 127.0.0.1:$REDIS_PORT"
}

stop_all() {
  [ -f "$state/ports" ] || return 0
  # shellcheck disable=SC1091
  . "$state/ports"
  [ -d "$state/pg" ] && as_user postgres "$pg_bin/pg_ctl" -D "$state/pg" -m fast stop >/dev/null 2>&1 || true
  [ -n "${REDIS_PORT:-}" ] && redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$state"
  log "stopped"
}

case "${1:-}" in
  up)
    install_missing # also when servers are given: the Redis outage tests start their own redis-server
    if [ "${FIREWALL_SERVICES:-}" = external ]; then
      : "${FIREWALL_TEST_POSTGRES:?FIREWALL_SERVICES=external needs FIREWALL_TEST_POSTGRES}" "${FIREWALL_TEST_REDIS:?and FIREWALL_TEST_REDIS}"
      log "using the given servers (FIREWALL_TEST_POSTGRES, FIREWALL_TEST_REDIS)"
      printf "export FIREWALL_TEST_POSTGRES='%s'\nexport FIREWALL_TEST_REDIS='%s'\n" "$FIREWALL_TEST_POSTGRES" "$FIREWALL_TEST_REDIS"
      exit 0
    fi
    stop_all
    mkdir -p "$state"
    : > "$state/ports"
    start_postgres
    start_redis
    print_env
    ;;
  env) print_env ;;
  down) stop_all ;;
  *) echo "usage: $0 up|env|down" >&2; exit 2 ;;
esac
