#!/usr/bin/env bash
# Fails when the EF Core model has changes that no migration of a provider captures. Expects a Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="migrations/Firewall.Migrations.$provider"
  dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" --configuration Release --no-build
done
