// No module of src/ imports itself back at run time. The config contract reads the provider list, whose
// rules use core's config helpers: a cycle there would evaluate a module before what it needs exists (a
// TDZ error, or undefined once bundled), depending on which module a process happens to import first.
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
