#!/usr/bin/env bash
# Fails when the EF Core model has changes that no migration of a provider captures.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore
for provider in Sqlite Postgres; do
  project="migrations/Firewall.Migrations.$provider"
  dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project"
done
