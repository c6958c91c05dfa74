// Runs the kubelet's own pull-secret cases (kubelet-keyring.cases.ts) through the whole offline check: a
// plain Kubernetes target whose default ServiceAccount links the case's Secrets, given inline as facts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { checkSinglePull } from '../helpers/check.ts';
import { check, writeCase } from '../helpers/manifests.ts';
import { PORTED, type KeyringCase } from './kubelet-keyring.cases.ts';

const NS = 'apps';

/** What pullcheck answers when it agrees with the kubelet's keyring. */
const AGREEING: Record<KeyringCase['kubelet'], KeyringCase['expect']> = {
  credentials: 'allowed',
  none: 'denied',
  fails: 'denied',
  'no image': 'rejected',
};

export function configOf(
  c: Omit<KeyringCase, 'from' | 'kubelet' | 'expect'>,
  extra: object = {},
): Record<string, unknown> {
  const names = c.secrets.map((_, i) => `pull-${i}`);
  const secrets = c.secrets.map((secret, i) => {
    const type = secret.type ?? 'kubernetes.io/dockerconfigjson';
    const field = secret.field ?? (type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson');
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: names[i], namespace: NS },
      type,
      stringData: { [field]: secret.json },
    };
  });
  return {
    version: 1,
    images: [c.image],
    targets: [{ name: 'cluster', platform: 'kubernetes', namespace: NS, ...extra }],
    facts: {
      kubernetes: {
        objects: [
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } },
          {
            apiVersion: 'v1',
            kind: 'ServiceAccount',
            metadata: { name: 'default', namespace: NS },
            imagePullSecrets: names.map((name) => ({ name })),
          },
          ...secrets,
        ],
      },
    },
  };
}

/**
 * pullcheck's answer for a case: its one pull's verdict, or `rejected` when the config is refused. The node's
 * providers, when the case has them, are written beside the config as the target names them.
 */
function answer(c: KeyringCase): { expect: KeyringCase['expect']; reasons: readonly string[] } {
  try {
    if (!c.nodeProviders) {
      const result = checkSinglePull(stringify(configOf(c)));
      return { expect: result.verdict, reasons: result.reasons };
    }
    const written = writeCase(configOf(c, { credentialProviderConfig: 'deploy/providers.yaml' }), {
      'providers.yaml': c.nodeProviders,
    });
    const [result] = check(written.config).results;
    return { expect: result!.verdict, reasons: result!.reasons };
  } catch (error) {
    if ((error as Error).name !== 'ConfigError') throw error;
    return { expect: 'rejected', reasons: [(error as Error).message] };
  }
}

for (const { upstream, cases } of PORTED) {
  for (const c of cases) {
    test(`${upstream.path} ${c.from}${c.differs ? ' (differs)' : ''}`, () => {
      assert.equal(
        AGREEING[c.kubelet] === c.expect,
        c.differs === undefined,
        'a difference is stated exactly when there is one',
      );
      const { expect, reasons } = answer(c);
      assert.equal(expect, c.expect, reasons.join('\n'));
      if (c.firstKey)
        assert.match(
          reasons.join('\n'),
          new RegExp(`registry key ${c.firstKey.replace(/[.*/]/g, '\\$&')} covers`),
        );
      if (c.kubelet === 'fails' && expect === 'denied')
        assert.match(reasons.join('\n'), /cannot (decode|be used as a pull secret)/);
    });
  }
}
