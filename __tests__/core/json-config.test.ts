// The fast path for JSON configs (json-source.ts) answers as the YAML parser does for the same text: the
// value, where every path was written, and every error, at the same line and column.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonSource, parseJsonSource } from '../../src/core/config/json-source.ts';
import { configSource, loadConfigText } from '../../src/core/config/load.ts';
import { parseYamlSource, type ConfigPath } from '../../src/core/config/yaml-source.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { runCheck } from '../../src/core/engine.ts';
import { buildPlan } from '../../src/core/plan.ts';
import { prepareAwsFacts } from '../../src/providers/aws/facts.ts';
import { preparedProviders, registries } from '../../src/providers/index.ts';
import { ecrScenario } from '../../bench/scenarios/ecr.ts';

const value = {
  version: 1,
  'a"b': { '\u00e9t\u00e9': [1, -2.5e3, true, null, 'x"]}{[,y'], '': {} },
  list: [[], [{}], [[1, [2, { deep: 'z' }]]], 'tab\there'],
  escaped: '\\"\u2028 \ud83d\ude00',
};
const texts = {
  pretty: JSON.stringify(value, null, 2),
  compact: JSON.stringify(value),
  crlf: JSON.stringify(value, null, '\t').replaceAll('\n', '\r\n'),
  spaced: `\n\n   ${JSON.stringify(value, null, 4).replaceAll(':', ' :  ').replaceAll(',', ' , ')}  \n`,
  escapedKeys: '{"\\u0061b": {"c\\"d": [ {"e\\\\": 1} ]}, "x": "\\u007b"}',
};

/** Every path of the value, each with a child that is not written (an ancestor answers for it). */
function pathsOf(node: unknown, at: ConfigPath = []): ConfigPath[] {
  const paths: ConfigPath[] = [at, [...at, 'not-written'], [...at, 99]];
  if (Array.isArray(node)) node.forEach((item, i) => paths.push(...pathsOf(item, [...at, i])));
  else if (node !== null && typeof node === 'object')
    for (const [key, item] of Object.entries(node)) paths.push(...pathsOf(item, [...at, key]));
  return paths;
}

for (const [name, text] of Object.entries(texts)) {
  test(`JSON config (${name}): value and every path's position are the YAML parser's`, () => {
    const json = parseJsonSource(text, 'c.json');
    assert.ok(json, 'the fast path takes plain JSON');
    const yaml = parseYamlSource(text, 'c.json');
    const parsed = json.takeValue();
    assert.deepEqual(parsed, yaml.takeValue());
    for (const configPath of pathsOf(parsed)) {
      assert.deepEqual(
        json.locate(configPath),
        yaml.locate(configPath),
        `locate ${JSON.stringify(configPath)}`,
      );
      assert.deepEqual(
        json.locateKey(configPath),
        yaml.locateKey(configPath),
        `locateKey ${JSON.stringify(configPath)}`,
      );
    }
    json.release();
    assert.deepEqual(json.locate(['list', 2]), yaml.locate(['list', 2]), 'positions survive release()');
  });
}

test('a .json config is read on the fast path; YAML, or JSON named .yml, by the YAML parser', () => {
  assert.ok(configSource(texts.pretty, 'pullcheck.json') instanceof JsonSource);
  assert.ok(configSource(texts.pretty, 'PULLCHECK.JSON') instanceof JsonSource);
  assert.ok(!(configSource(texts.pretty, 'pullcheck.yml') instanceof JsonSource));
  assert.ok(!(configSource('version: 1\n', 'pullcheck.json') instanceof JsonSource));
});

test('JSON config: what JSON.parse would read differently from YAML takes the YAML path', () => {
  assert.equal(parseJsonSource('{"version": 1, "images": [], "version": 2}', 'c.json'), undefined);
  assert.equal(parseJsonSource('{"a": {"b": 1, "b": 1}}', 'c.json'), undefined);
  assert.equal(parseJsonSource('{"__proto__": {}}', 'c.json'), undefined);
  assert.equal(parseJsonSource('{"version": 1,}', 'c.json'), undefined);
  assert.equal(parseJsonSource('version: 1', 'c.json'), undefined);
  assert.equal(parseJsonSource('', 'c.json'), undefined);
  // A key's text that looks like a duplicate but is not one.
  assert.ok(parseJsonSource('{"a": "\\"a\\": 1", "b": ["\\"a\\":"]}', 'c.json'));
});

/** The problems a config's text gives, loaded under `file` (and planned, its facts read). */
function problems(text: string, file: string): string[] {
  try {
    const config = loadConfigText(text, file);
    buildPlan(config, registries);
    prepareAwsFacts(config);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems.map((p) => `${p.where.line}:${p.where.column} ${p.message}`);
  }
  return [];
}

const role = 'arn:aws:iam::123456789012:role/nodes';
const badConfigs = {
  'unknown key': { version: 1, targets: [{ name: 'prod', platform: 'eks', rolez: [role] }] },
  'wrong type': { version: 1, images: 'app:1', targets: [] },
  'bad enum and missing field': {
    version: 1,
    targets: [{ name: 'p', platform: 'ekz' }, { platform: 'eks' }],
  },
  'bad image': {
    version: 1,
    images: ['UPPER/Case::x'],
    targets: [{ name: 'p', platform: 'eks', roles: [role] }],
  },
  'bad policy': {
    version: 1,
    facts: { aws: { roles: [{ arn: role, policies: [{ Version: '2012-10-17', Statement: 'x' }] }] } },
  },
  empty: null,
};
for (const [name, config] of Object.entries(badConfigs)) {
  test(`JSON config errors are where the YAML parser puts them: ${name}`, () => {
    const text = JSON.stringify(config, null, 2);
    const fast = problems(text, 'c.json');
    assert.ok(fast.length > 0, 'a problem is reported');
    assert.deepEqual(fast, problems(text, 'c.yml'));
  });
}

test('JSON config: a key written twice is reported at its line, as in YAML', () => {
  const text = '{\n  "version": 1,\n  "images": [],\n  "images": []\n}\n';
  assert.deepEqual(problems(text, 'c.json'), problems(text, 'c.yml'));
  assert.match(problems(text, 'c.json')[0]!, /^4:3 .*unique/);
});

test('a JSON config checks exactly as its YAML twin: verdicts, reasons, fixes and sources', async () => {
  const yamlText = ecrScenario(30, 4);
  const jsonText = JSON.stringify(parseYamlSource(yamlText, 'x').takeValue(), null, 2);
  const check = async (text: string) => {
    const config = loadConfigText(text, 'c.json');
    return runCheck(config, await preparedProviders(config), { failOn: 'denied' });
  };
  const viaJson = await check(jsonText);
  const viaYaml = loadConfigText(jsonText, 'c.yml');
  const expected = runCheck(viaYaml, await preparedProviders(viaYaml), { failOn: 'denied' });
  assert.equal(viaJson.results.length, 120);
  assert.deepEqual(
    JSON.parse(JSON.stringify(viaJson).replaceAll('c.json', 'c.yml')),
    JSON.parse(JSON.stringify(expected)),
  );
  assert.ok(viaJson.results.every((result) => result.source?.image?.line !== undefined));
});

test('a JSON config of 200,000 list items is read on the fast path', () => {
  const text = JSON.stringify({
    version: 1,
    images: Array.from({ length: 200_000 }, (_, i) => `r.example/a/i${i}`),
  });
  assert.ok(parseJsonSource(text, 'c.json'));
});
