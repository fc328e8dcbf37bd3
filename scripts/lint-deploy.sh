#!/usr/bin/env bash
# Offline checks of the deployment files (scripts/test.sh runs them where the npm registry is at hand): renders every
# kustomize overlay with kubectl and checks k8s/rendered is up to date (skipped, with a warning, without kubectl),
# validates the rendered objects against the Kubernetes and prometheus-operator schemas (tools/lint/validate-k8s.mjs),
# lints the Dockerfile with dockerfilelint, and has gitlab-ci-local parse .gitlab-ci.yml against GitLab's schema and
# list every job. npm installs tools/lint's locked packages once per lock file change.
set -euo pipefail
cd "$(dirname "$0")/.."
lint=tools/lint
stamp=$lint/node_modules/.lock-sha256
if [[ "$(cat "$stamp" 2>/dev/null)" != "$(sha256sum < $lint/package-lock.json)" ]]; then
  npm ci --prefix $lint --no-audit --no-fund --loglevel=error
  sha256sum < $lint/package-lock.json > "$stamp"
fi
rendered=k8s/rendered
if command -v kubectl >/dev/null; then
  rendered=$(mktemp -d)
  trap 'rm -rf "$rendered"' EXIT
  scripts/render-k8s.sh "$rendered"
  diff -ru k8s/rendered "$rendered" || { echo "k8s/rendered is out of date: run scripts/render-k8s.sh" >&2; exit 1; }
else
  echo "lint-deploy: no kubectl, so k8s/rendered is validated as committed (not re-rendered from k8s/overlays)" >&2
fi
node $lint/validate-k8s.mjs "$rendered"/*.yaml k8s/secret.example.yaml
$lint/node_modules/.bin/dockerfilelint Dockerfile
# gitlab-ci-local asks git for the remote; a clone without one falls back quietly, so only failures are shown.
$lint/node_modules/.bin/gitlab-ci-local --list-all > "${TMPDIR:-/tmp}/gitlab-ci-local.txt" 2>&1 ||
  { cat "${TMPDIR:-/tmp}/gitlab-ci-local.txt" >&2; exit 1; }
grep -E '^(name|container-image|deploy-production) ' "${TMPDIR:-/tmp}/gitlab-ci-local.txt"
