#!/usr/bin/env bash
# Offline checks of the deployment files, run by scripts/test.sh: renders every kustomize overlay with kubectl and
# validates the objects against the Kubernetes and prometheus-operator schemas (tools/lint/validate-k8s.mjs), and
# lints the Dockerfile with dockerfilelint. npm installs tools/lint's locked packages once per lock file change.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v kubectl >/dev/null || { echo "kubectl is needed to render k8s/overlays (kubectl kustomize)" >&2; exit 1; }
lint=tools/lint
stamp=$lint/node_modules/.lock-sha256
if [[ "$(cat "$stamp" 2>/dev/null)" != "$(sha256sum < $lint/package-lock.json)" ]]; then
  npm ci --prefix $lint --no-audit --no-fund --loglevel=error
  sha256sum < $lint/package-lock.json > "$stamp"
fi
rendered=$(mktemp -d)
trap 'rm -rf "$rendered"' EXIT
for overlay in k8s/overlays/*/; do
  kubectl kustomize "$overlay" > "$rendered/$(basename "$overlay").yaml"
done
node $lint/validate-k8s.mjs "$rendered"/*.yaml k8s/secret.example.yaml
$lint/node_modules/.bin/dockerfilelint Dockerfile
