// Validates every resource of the generated manifests offline against the schemas of the Kubernetes API, Gateway API,
// CloudNativePG and Strimzi, as published by kubernetes-models (generated from the upstream OpenAPI documents and CRDs).
// A resource of any other apiVersion fails: nothing goes unchecked. Usage: node validate.mjs DIRECTORY
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

// the package that holds each API group's models
const PACKAGES = {
  '': 'kubernetes-models',
  apps: 'kubernetes-models',
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
};

async function modelOf(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = PACKAGES[group];
  if (!pkg) throw new Error(`no schema for ${apiVersion} ${kind}`);
  const path = pkg === 'kubernetes-models' ? `${pkg}/${group ? `${group}/` : ''}${version}/${kind}` : `${pkg}/${group}/${version}/${kind}`;
  const module = await import(path).catch(() => {
    throw new Error(`no schema for ${apiVersion} ${kind}`);
  });
  return module[kind];
}

async function validate(resource) {
  const Model = await modelOf(resource.apiVersion, resource.kind);
  new Model(resource).validate();
}

// The validator itself must refuse what is wrong, or a pass would mean nothing.
const broken = [
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'x' }, spec: { rules: [{ matches: [{ path: { type: 'Prefix', value: '/' } }] }] } },
  { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'x' }, spec: { instances: 'two' } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: { selector: {}, template: { spec: { containers: [{ image: 'x' }] } } } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x' }, spec: {} },
];
for (const resource of broken) {
  let refused = false;
  await validate(resource).catch(() => (refused = true));
  if (!refused) throw new Error(`the validator accepted a broken ${resource.kind}`);
}

const dir = process.argv[2];
let count = 0;
const failures = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml').sort()) {
  for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
    if (doc.errors.length) {
      failures.push(`${file}: ${doc.errors[0].message}`);
      continue;
    }
    const resource = doc.toJS();
    count++;
    await validate(resource).catch((e) => failures.push(`${file}: ${resource.kind} ${resource.metadata?.name}: ${e.message}`));
  }
}
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`[manifests] ${count} resources valid against the Kubernetes, Gateway API, CloudNativePG and Strimzi schemas`);
