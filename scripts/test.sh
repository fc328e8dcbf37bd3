#!/usr/bin/env bash
# The full test suite, as the README's test command and CI run it: starts private PostgreSQL and Redis instances
# (installing them when missing), builds, checks that no model change lacks a migration, runs every test, stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/services.sh up)"
trap 'scripts/services.sh down' EXIT
dotnet build Firewall.sln -c Release
scripts/check-migrations.sh
dotnet test Firewall.sln -c Release --no-build --logger "console;verbosity=normal" --results-directory TestResults --logger trx "$@"
