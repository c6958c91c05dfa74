// A node:test reporter for scripts/run-tests.mjs: one JSON object with each test file's wall time and
// every skipped or todo test, so the runner can print the slowest files and refuse skips under CI=true.
import path from 'node:path';

export default async function* summarize(source) {
  const files = [];
  const skipped = [];
  for await (const { type, data } of source) {
    if (
      type === 'test:complete' &&
      data.nesting === 0 &&
      data.file &&
      path.resolve(data.name) === data.file
    ) {
      // Node ≥ 22 reports each file (run in its own process) as a test named by its path.
      files.push({ file: path.relative(process.cwd(), data.file), ms: Math.round(data.details.duration_ms) });
    } else if (
      (type === 'test:pass' || type === 'test:fail') &&
      (data.skip !== undefined || data.todo !== undefined)
    ) {
      const why = data.skip ?? data.todo;
      skipped.push({
        file: data.file ? path.relative(process.cwd(), data.file) : '?',
        test: data.name,
        why: typeof why === 'string' ? why : data.skip !== undefined ? 'skip' : 'todo',
      });
    }
  }
  yield `${JSON.stringify({ files, skipped })}\n`;
}
