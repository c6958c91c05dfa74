// Lines of facts written in files for `pullcheck explain` (issue 19): "the line of the Nth element under path
// P in file F", found by parsing the file again (JSON is YAML) with node ranges — only while a trace is
// active, never during a check. The files parsed are kept per explain run — the `lineOf` its sinks share (one
// sink per principal, plus who-pulls and each hypothesis) — so a policy file with twenty bindings is parsed
// once however many principals pull; a sink without lineOf keeps its own.
import path from 'node:path';
import { readConfined, repositoryRootOf } from '../core/config/read-file.ts';
import {
  parseYamlSource,
  parseYamlStream,
  type ConfigPath,
  type YamlSource,
} from '../core/config/yaml-source.ts';
import { activeTrace } from '../core/trace.ts';

const parsedPerRun = new WeakMap<object, Map<string, readonly YamlSource[] | undefined>>();

/**
 * The 1-based line where the value at `at` is written in `file` (a repository file as messages show it,
 * relative to the working directory), in its `documentIndex`th YAML document; the nearest written ancestor's
 * line when the path is not written; undefined when the file cannot be read or parsed again.
 */
export function lineInFile(file: string, at: ConfigPath, documentIndex = 0): number | undefined {
  const documents = parsedDocuments(file);
  try {
    return documents?.[documentIndex]?.locate(at).line;
  } catch {
    return undefined;
  }
}

function parsedDocuments(file: string): readonly YamlSource[] | undefined {
  const sink = activeTrace();
  const run = sink && (sink.lineOf ?? sink);
  const cache = run ? (parsedPerRun.get(run) ?? new Map()) : undefined;
  if (run && cache && !parsedPerRun.has(run)) parsedPerRun.set(run, cache);
  const absolute = path.resolve(file);
  if (cache?.has(absolute)) return cache.get(absolute);
  const documents = parse(absolute);
  cache?.set(absolute, documents);
  return documents;
}

/** The file read as the loader reads it: inside its repository, size-limited; a parse error gives up. */
function parse(absolute: string): readonly YamlSource[] | undefined {
  const read = readConfined(absolute, repositoryRootOf(path.dirname(absolute)));
  if (!('text' in read)) return undefined;
  try {
    return /\.json$/i.test(absolute)
      ? [parseYamlSource(read.text, absolute)]
      : parseYamlStream(read.text, absolute);
  } catch {
    return undefined;
  }
}
