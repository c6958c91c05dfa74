// The values init writes into its YAML files read back as the same strings, in a block mapping and inside a
// flow sequence (`paths: [k8s]`, `branches: [main]`), for YAML 1.2 (pullcheck's loader, Actions) and 1.1.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { yamlValue } from '../../src/init/yaml-text.ts';

const VALUES = [
  'main',
  'k8s/overlays/prod',
  'acme/shop',
  '0x1F', // YAML 1.2 hex integer
  '0o17', // YAML 1.2 octal integer
  '.inf', // YAML float
  '.NaN',
  'deploy/{prod}', // a flow mapping's braces inside [ ]
  'release-${{x}}',
  'true',
  'yes',
  '123456789012',
  'a: b',
  'trailing ',
];

test('yamlValue: every value reads back as itself, as a block value and as a flow sequence item', () => {
  for (const value of VALUES) {
    const written = yamlValue(value);
    for (const version of ['1.1', '1.2'] as const) {
      assert.deepEqual(
        parse(`key: ${written}`, { version }),
        { key: value },
        `${value} → ${written} (${version})`,
      );
      assert.deepEqual(
        parse(`key: [${written}]`, { version }),
        { key: [value] },
        `[${value}] → [${written}] (${version})`,
      );
    }
  }
});
