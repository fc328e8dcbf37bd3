// Validates Kubernetes objects (multi-document YAML files, e.g. rendered by `kubectl kustomize`) against the
// Kubernetes and prometheus-operator JSON schemas shipped in the kubernetes-models packages, offline.
// Usage: node validate-k8s.mjs FILE...   Exit code 1 names every invalid or unknown object.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const packages = { "monitoring.coreos.com": "@kubernetes-models/prometheus-operator" };

async function modelFor(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "";
  const module = `${packages[group] ?? "kubernetes-models"}/${apiVersion}`;
  try {
    return (await import(module))[kind];
  } catch {
    return undefined;
  }
}

let failures = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length > 0) {
      console.error(`${file}: YAML error: ${document.errors[0].message}`);
      failures++;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    const name = `${file}: ${object.kind}/${object.metadata?.name}`;
    const Model = await modelFor(object.apiVersion ?? "", object.kind ?? "");
    if (Model === undefined) {
      console.error(`${name}: no schema for apiVersion ${object.apiVersion}, kind ${object.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(object).validate();
      checked++;
    } catch (error) {
      console.error(`${name}: ${error.message}`);
      failures++;
    }
  }
}
console.log(`validate-k8s: ${checked} objects valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
