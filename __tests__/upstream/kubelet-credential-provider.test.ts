// Runs the kubelet's credential-provider cases (kubelet-credential-provider.cases.ts) through the whole offline
// check: a plain Kubernetes target, no pull secret, whose nodes run the case's CredentialProviderConfig,
// written beside the config (or a directory of files, as the kubelet also reads).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { check, writeCase } from '../helpers/manifests.ts';
import { CONFIG, PLUGIN, type ConfigCase, type MatchCase } from './kubelet-credential-provider.cases.ts';

const AGREEING: Record<MatchCase['kubelet'], MatchCase['expect']> = {
  'runs the plugin': 'unknown',
  'skips the plugin': 'denied',
};

function run(image: string, file: ConfigCase['file']) {
  const files = typeof file === 'string' ? { 'providers.yaml': file } : prefixed(file);
  const written = writeCase(
    {
      version: 1,
      images: [image],
      targets: [
        {
          name: 'cluster',
          platform: 'kubernetes',
          namespace: 'apps',
          credentialProviderConfig: typeof file === 'string' ? 'deploy/providers.yaml' : 'deploy/providers.d',
        },
      ],
      facts: {
        kubernetes: { objects: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } }] },
      },
    },
    files,
  );
  if (typeof file !== 'string')
    mkdirSync(path.join(written.dir, 'deploy', 'providers.d'), { recursive: true });
  return check(written.config);
}

const prefixed = (files: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(files).map(([name, text]) => [`providers.d/${name}`, text]));

for (const c of PLUGIN.cases) {
  test(`${PLUGIN.upstream.path} ${c.from}${c.differs ? ' (differs)' : ''}`, () => {
    assert.equal(
      AGREEING[c.kubelet] === c.expect,
      c.differs === undefined,
      'a difference is stated exactly when there is one',
    );
    const provider = {
      name: 'test-plugin',
      matchImages: c.matchImages,
      defaultCacheDuration: '1m',
      apiVersion: 'credentialprovider.kubelet.k8s.io/v1',
      ...(c.tokenAttributes ? { tokenAttributes: c.tokenAttributes } : {}),
    };
    const report = run(
      c.image,
      stringify({
        apiVersion: 'kubelet.config.k8s.io/v1',
        kind: 'CredentialProviderConfig',
        providers: [provider],
      }),
    );
    const [result] = report.results;
    const why = result!.reasons.join('\n');
    assert.equal(result!.verdict, c.expect, why);
    if (c.expect === 'unknown') assert.match(why, /the plugin test-plugin (supplies|exchanges)/);
  });
}

for (const c of CONFIG.cases) {
  test(`${CONFIG.upstream.path} ${c.from}${c.differs ? ' (differs)' : ''}`, () => {
    assert.equal(
      c.kubelet === c.expect,
      c.differs === undefined,
      'a difference is stated exactly when there is one',
    );
    let answer: ConfigCase['expect'] = 'reads it';
    try {
      run('registry.io/foobar/app', c.file);
    } catch (error) {
      if ((error as Error).name !== 'ConfigError') throw error;
      // Refused for the file itself: the message points into it.
      assert.match((error as Error).message, /deploy\/providers\.(yaml|d)/);
      answer = 'refuses it';
    }
    assert.equal(answer, c.expect);
  });
}
