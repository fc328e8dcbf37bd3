#!/usr/bin/env bash
# The full test suite, as the README's test command and CI run it: starts private PostgreSQL and Redis instances
# (installing them when missing), builds, checks that no model change lacks a migration, checks the deployment files
# offline (kustomize render, Kubernetes schemas, Dockerfile lint), installs Chromium for the browser tests when it is
# missing, runs every test, stops both.
# Reports: TestResults/*.trx and *.junit.xml per test assembly.
set -euo pipefail
cd "$(dirname "$0")/.."
eval "$(scripts/services.sh up)"
trap 'scripts/services.sh down' EXIT
# The browser tests drive Debian's headless Chromium through Playwright (which never downloads a browser here).
if [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: installing chromium for the browser tests" >&2
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2
fi
dotnet build Firewall.sln -c Release
scripts/check-migrations.sh
# The deployment lint needs the npm registry (and kubectl to re-render the overlays); a machine with only apt and NuGet
# skips it. The deployment tests themselves read the committed k8s/rendered manifests and always run.
if timeout 20 npm ping >/dev/null 2>&1; then
  scripts/lint-deploy.sh
else
  echo "test.sh: skipping scripts/lint-deploy.sh (needs the npm registry)" >&2
fi
# FIREWALL_COVERAGE=1 (the GitLab test job) adds Cobertura coverage per test assembly (coverage.runsettings).
coverage=()
[ "${FIREWALL_COVERAGE:-}" = 1 ] && coverage=(--collect "XPlat Code Coverage" --settings coverage.runsettings)
status=0
dotnet test Firewall.sln -c Release --no-build --logger "console;verbosity=normal" --results-directory TestResults \
  --logger trx --logger "junit;LogFileName={assembly}.junit.xml" "${coverage[@]}" "$@" || status=$?
# The assemblies run in parallel and interleave their output, so a failure can scroll far from the end of a long log:
# repeat each failed test and the start of its message last, where a reader of the log's tail sees it.
scripts/failed-tests.sh TestResults/*.junit.xml
exit "$status"
