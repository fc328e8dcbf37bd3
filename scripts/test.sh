#!/usr/bin/env bash
# The full test suite: what the README's test command and CI run.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/check-migrations.sh
dotnet test Firewall.sln -c Release --logger "console;verbosity=normal" "$@"
