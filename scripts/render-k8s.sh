#!/usr/bin/env bash
# Renders every kustomize overlay into k8s/rendered/<overlay>.yaml. The rendered files are committed so the deployment
# tests read exactly what `kubectl apply` would get, even on machines without kubectl; scripts/lint-deploy.sh fails
# when they are out of date. Run it after any change under k8s/base or k8s/overlays.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-k8s/rendered}"
mkdir -p "$out"
for overlay in k8s/overlays/*/; do
  name=$(basename "$overlay")
  { echo "# Rendered by scripts/render-k8s.sh from k8s/overlays/$name: do not edit."; kubectl kustomize "$overlay"; } > "$out/$name.yaml"
done
