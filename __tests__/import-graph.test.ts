// The run-time import graph of src/: no module imports itself back (a cycle evaluates a module before what
// it needs exists — a TDZ error, or undefined once bundled — depending on which module a process imports
// first), and the config contract, which reads the provider list, reaches only core and the providers'
// definitions and their data: never a rule, a live read, a login or an SDK.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// Static imports and re-exports that stay at run time: `import type` and `export type` are erased, and a
// dynamic import() runs later, so neither can form an evaluation cycle.
const RUNTIME_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

type Graph = ReadonlyMap<string, readonly string[]>;

function runtimeImports(sources: ReadonlyMap<string, string>): Graph {
  const graph = new Map<string, string[]>();
  for (const [file, source] of sources) {
    const targets = [...source.matchAll(RUNTIME_IMPORT)].map((match) =>
      path.posix.join(path.posix.dirname(file), match[1]!),
    );
    graph.set(
      file,
      targets.filter((target) => sources.has(target)),
    );
  }
  return graph;
}

/** Every cycle's modules (Tarjan's strongly connected components of more than one module, or a self-import). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file)!, index.get(next)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) found.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

function sourcesUnder(root: string): Map<string, string> {
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.ts'),
  );
  return new Map(
    files.map((file) => [path.posix.join(root, file), readFileSync(path.join(root, file), 'utf8')]),
  );
}

test('the cycle finder finds a runtime cycle and ignores type-only and dynamic imports', () => {
  const graph = runtimeImports(
    new Map([
      ['src/a.ts', "import { b } from './b.ts';\nimport type { C } from './c.ts';"],
      ['src/b.ts', "export { a } from './a.ts';"],
      ['src/c.ts', "import type { A } from './a.ts';\nconst later = () => import('./a.ts');"],
      ['src/d.ts', "import {\n  x,\n  type Y,\n} from './d.ts';"],
    ]),
  );
  assert.deepEqual(cycles(graph), [['src/a.ts', 'src/b.ts'], ['src/d.ts']]);
});

test('src/ has no runtime import cycle', () => {
  assert.deepEqual(cycles(runtimeImports(sourcesUnder('src'))), []);
});

/** Every module `from` reaches at run time, itself included. */
function reachable(graph: Graph, from: string): Set<string> {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...(graph.get(file) ?? []));
  }
  return seen;
}

// A provider's definition and the data it holds: its schema fragment, registries, live-facts join, platforms.
const DEFINITION_DATA = /^src\/providers\/(.+\/)?(index|schema|registry|live-facts|platforms)\.ts$/;

test("the config contract reaches only core and the providers' definitions and their data", () => {
  const sources = sourcesUnder('src');
  const reached = [...reachable(runtimeImports(sources), 'src/core/config/schema.ts')];
  assert.ok(reached.includes('src/providers/aws/registry.ts'), 'the walk follows the provider list');
  const outside = reached.filter((file) => !file.startsWith('src/core/') && !DEFINITION_DATA.test(file));
  assert.deepEqual(outside, []);
  // No SDK either: the data modules import only core, TypeBox and each other.
  for (const file of reached.filter((file) => file.startsWith('src/providers/'))) {
    const packages = [...sources.get(file)!.matchAll(/^import\s+(?!type\s)[^'"]*?from\s+'([^.][^']*)'/gm)];
    assert.deepEqual(
      packages.map((match) => match[1]).filter((name) => name !== '@sinclair/typebox'),
      [],
      file,
    );
  }
});
