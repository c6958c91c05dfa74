// Names a cluster would refuse, and target names that could break a log line, are config errors at the
// line that wrote them (kubernetes.io/docs/concepts/overview/working-with-objects/names: a namespace is
// a DNS-1123 label; ServiceAccount and Secret names are DNS-1123 subdomains).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfigText } from '../../src/core/config/load.ts';
import { ConfigError, formatLocation } from '../../src/core/errors.ts';

function kubernetesTarget(fields: string, name = 'prod'): string {
  return `version: 1\ntargets:\n  - name: ${JSON.stringify(name)}\n    platform: kubernetes\n${fields}`;
}

function problemOf(text: string): string {
  try {
    loadConfigText(text, 'pullcheck.yml');
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p) => `${formatLocation(p.where)}: ${p.message}`).join('\n');
  }
  assert.fail('expected a config error');
}

const rejected: { name: string; text: string; says: RegExp }[] = [
  {
    name: 'a namespace with capitals and an underscore',
    text: kubernetesTarget('    namespace: Web_Prod\n'),
    says: /^pullcheck\.yml:5:16: `targets\[0\]\.namespace`: expected a namespace name: a DNS-1123 label/,
  },
  {
    name: 'a namespace of 64 characters (a DNS-1123 label has at most 63)',
    text: kubernetesTarget(`    namespace: ${'a'.repeat(64)}\n`),
    says: /^pullcheck\.yml:5:16: `targets\[0\]\.namespace`: expected a namespace name/,
  },
  {
    name: 'a namespace ending in -',
    text: kubernetesTarget('    namespace: web-\n'),
    says: /^pullcheck\.yml:5:16: .*DNS-1123 label/,
  },
  {
    name: 'a namespace with a dot (a subdomain, not a label)',
    text: kubernetesTarget('    namespace: team.web\n'),
    says: /^pullcheck\.yml:5:16: .*DNS-1123 label/,
  },
  {
    name: 'an OpenShift service account with a space',
    text: `version: 1\ntargets:\n  - name: ocp\n    platform: openshift\n    namespace: web\n    serviceAccount: "web deployer"\n`,
    says: /^pullcheck\.yml:6:21: `targets\[0\]\.serviceAccount`: expected a service account name: a DNS-1123 subdomain/,
  },
  {
    name: 'a service account of 254 characters',
    text: kubernetesTarget(`    namespace: web\n    serviceAccount: ${'a'.repeat(254)}\n`),
    says: /^pullcheck\.yml:6:21: `targets\[0\]\.serviceAccount`: expected a service account name/,
  },
  {
    name: 'an imagePullSecrets name with a capital',
    text: kubernetesTarget('    namespace: web\n    imagePullSecrets: [ok, Regcred]\n'),
    says: /^pullcheck\.yml:6:28: `targets\[0\]\.imagePullSecrets\[1\]`: expected a Secret name: a DNS-1123 subdomain/,
  },
  {
    name: 'a Helm namespace under discover.manifests',
    text: `version: 1\ndiscover:\n  manifests:\n    - target: prod\n      paths: [chart]\n      helm: { namespace: "Edge" }\n${kubernetesTarget('    namespace: web\n').slice('version: 1\n'.length)}`,
    says: /^pullcheck\.yml:6:26: `discover\.manifests\[0\]\.helm\.namespace`: expected a namespace name/,
  },
  {
    name: 'a target name with a newline (names reach log lines)',
    text: kubernetesTarget('    namespace: web\n', 'prod\n::error::forged'),
    says: /^pullcheck\.yml:3:11: `targets\[0\]\.name`: expected a target name: up to 100 characters on one line/,
  },
  {
    name: 'a target name that starts with :: (a workflow command)',
    text: kubernetesTarget('    namespace: web\n', '::add-mask::x'),
    says: /^pullcheck\.yml:3:11: `targets\[0\]\.name`: expected a target name/,
  },
  {
    name: 'a target name that starts with a space before ::',
    text: kubernetesTarget('    namespace: web\n', '  ::warning::x'),
    says: /^pullcheck\.yml:3:11: `targets\[0\]\.name`: expected a target name/,
  },
  {
    name: 'a target name with a right-to-left override (it would reorder what a reader sees)',
    text: kubernetesTarget('    namespace: web\n', 'prod\u202eskelad'),
    says: /^pullcheck\.yml:3:11: `targets\[0\]\.name`: expected a target name/,
  },
  {
    name: 'a target name of 101 characters',
    text: kubernetesTarget('    namespace: web\n', 'p'.repeat(101)),
    says: /^pullcheck\.yml:3:11: `targets\[0\]\.name`: expected a target name/,
  },
  {
    name: 'a discover.manifests target with a newline',
    text: `version: 1\ndiscover:\n  manifests:\n    - target: "prod\\nx"\n      paths: [deploy]\n`,
    says: /^pullcheck\.yml:4:15: `discover\.manifests\[0\]\.target`: expected the name of the declared target/,
  },
];

for (const { name, text, says } of rejected) {
  test(`rejected: ${name}`, () => {
    assert.match(problemOf(text), says);
  });
}

const accepted: { name: string; text: string }[] = [
  { name: 'a 63-character namespace', text: kubernetesTarget(`    namespace: ${'a'.repeat(63)}\n`) },
  { name: 'a namespace that starts with a digit', text: kubernetesTarget('    namespace: 1-web\n') },
  {
    name: 'a dotted service account and pull secret',
    text: kubernetesTarget(
      '    namespace: web\n    serviceAccount: deploy.bot\n    imagePullSecrets: [reg.cred]\n',
    ),
  },
  {
    name: 'a target name with spaces, punctuation and non-ASCII letters',
    text: kubernetesTarget('    namespace: web\n', 'Prod EKS (eu-west-1): Zürich'),
  },
  { name: 'a 100-character target name', text: kubernetesTarget('    namespace: web\n', 'p'.repeat(100)) },
];

for (const { name, text } of accepted) {
  test(`accepted: ${name}`, () => {
    assert.doesNotThrow(() => loadConfigText(text, 'pullcheck.yml'));
  });
}
