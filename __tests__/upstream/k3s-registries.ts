// Runs the ported k3s / rancher/wharfie registries cases (k3s-host-configs, wharfie-registries,
// wharfie-endpoint .cases.ts) through pullcheck's real code: each case's registries.yaml is written to a temp
// dir with a config whose k3s target names it; the whole check decides every pull (loadConfigFile →
// checkConfig with every provider), and the endpoint plan is the one the k3s rule decides from
// (loadRegistriesFile → pullPlan). Secrets in the cases are the upstream tests' dummy "user"/"pass".
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { loadConfigFile } from '../../src/core/config/load.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { parseImageName } from '../../src/core/image-reference.ts';
import type { VerdictKind } from '../../src/core/verdict.ts';
import { pullPlan } from '../../src/providers/kubernetes/k3s/endpoints.ts';
import { loadRegistriesFile } from '../../src/providers/kubernetes/k3s/registries-file.ts';
import { checkConfig } from '../helpers/check.ts';
import type { Ported, PortedFile } from './ported.ts';

/** An endpoint containerd tries: its URL, the configs entry whose auth it gets, the repository asked there. */
export interface Endpoint {
  readonly url: string;
  readonly auth?: string;
  /** Default: the image's own repository. */
  readonly asks?: string;
}

export interface RegistriesPull {
  readonly image: string;
  /** In the order tried, the default endpoint last when it is tried; a string is an endpoint with no auth. */
  readonly endpoints: readonly (string | Endpoint)[];
  readonly verdict: VerdictKind;
  /** Must match the pull's reasons. */
  readonly says?: RegExp;
}

export interface RegistriesCase extends Ported {
  /** The registries.yaml, as lines. */
  readonly registries: readonly string[];
  /** The k3s flags of the nodes (the k3s target's disableDefaultRegistryEndpoint, embeddedRegistry). */
  readonly node?: { readonly disableDefaultRegistryEndpoint?: true; readonly embeddedRegistry?: true };
  /** pullcheck rejects the file (exit 2) with this message. */
  readonly rejected?: RegExp;
  readonly pulls: readonly RegistriesPull[];
  /** What of the upstream assertion no verdict depends on, so it is not compared (TLS settings). */
  readonly untranslated?: string;
}

/** Docker Hub's default endpoint as k3s writes it (wharfie names it https://index.docker.io/v2). */
export const DOCKER_HUB = 'https://registry-1.docker.io/v2';
/** The dummy credentials of the upstream tests. */
export const USER_PASS = ['    auth:', '      username: user', '      password: pass'];

export function runPortedRegistries(tables: readonly PortedFile<RegistriesCase>[]): void {
  for (const { upstream, cases } of tables) {
    for (const ported of cases) {
      test(`${upstream.repository} ${upstream.path}: ${ported.from}`, () => runCase(ported));
    }
  }
}

function runCase(ported: RegistriesCase): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pullcheck-k3s-upstream-'));
  const registries = path.join(dir, 'registries.yaml');
  writeFileSync(registries, `${ported.registries.join('\n')}\n`);
  const config = path.join(dir, 'pullcheck.yml');
  const images = [...new Set(ported.pulls.map((pull) => pull.image))];
  const target = { name: 'edge', platform: 'k3s', registriesFile: 'registries.yaml', ...ported.node };
  writeFileSync(config, stringify({ version: 1, images, targets: [target] }));

  if (ported.rejected) {
    const rejected = ported.rejected;
    assert.throws(
      () => checkConfig(loadConfigFile(config)),
      (error: unknown) => error instanceof ConfigError && rejected.test(error.message),
    );
    return;
  }
  const report = checkConfig(loadConfigFile(config));
  const file = loadRegistriesFile('registries.yaml', config, { file: config, line: 1, column: 1 });
  const options = {
    disableDefaultEndpoint: ported.node?.disableDefaultRegistryEndpoint === true,
    embeddedRegistry: ported.node?.embeddedRegistry === true,
  };
  for (const pull of ported.pulls) {
    const name = parseImageName(pull.image);
    const plan = pullPlan(name.host, name.path, file, options);
    const expected = pull.endpoints.map((endpoint) => {
      const { url, auth, asks } = typeof endpoint === 'string' ? { url: endpoint } : endpoint;
      return { url, auth, asks: asks ?? name.path };
    });
    const planned = plan.endpoints.map(({ url, authKey, repository }) => ({
      url,
      auth: authKey,
      asks: repository,
    }));
    assert.deepEqual(planned, expected, `the endpoints tried for ${pull.image}`);
    const result = report.results.find((row) => row.image === pull.image);
    assert.ok(result, `a result for ${pull.image}`);
    assert.equal(result.verdict, pull.verdict, `${pull.image}: ${result.reasons.join('\n')}`);
    if (pull.says) assert.match(result.reasons.join('\n'), pull.says);
  }
}
