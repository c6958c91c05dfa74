// Lines of facts written in files, found while explain traces (issue 19): a file is parsed once per explain
// run, whichever of the run's sinks asks (one per principal, who-pulls, each hypothesis), and never outside
// a trace's cache; reads stay inside the file's repository.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { recordingSink, withNote, withTrace } from '../../src/core/trace.ts';
import { lineInFile } from '../../src/providers/source-lines.ts';

const BEFORE = 'bindings:\n  - role: a\n  - role: b\n';
const AFTER = '\n\n\nbindings:\n  - role: a\n  - role: b\n';

test('lineInFile: the sinks of one explain run (same lineOf) share the parse; another run parses again', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'source-lines-'));
  const file = path.join(dir, 'policy.yaml');
  writeFileSync(file, BEFORE);
  const lineOf = () => undefined;
  const ask = (sink: ReturnType<typeof recordingSink>) =>
    withTrace(sink, () => lineInFile(file, ['bindings', 1]));

  assert.equal(ask(recordingSink(lineOf)), 3);
  writeFileSync(file, AFTER);
  // A second principal's sink and a hypothesis inside it, in the same run: the file is not read again.
  assert.equal(ask(recordingSink(lineOf)), 3);
  assert.equal(
    withTrace(recordingSink(lineOf), () => withNote('if', () => lineInFile(file, ['bindings', 1]))),
    3,
  );
  // Another run, and no trace at all: read afresh.
  assert.equal(ask(recordingSink(() => undefined)), 6);
  assert.equal(lineInFile(file, ['bindings', 1]), 6);
});
