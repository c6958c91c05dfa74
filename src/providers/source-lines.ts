// Lines of facts written in files for `pullcheck explain` (issue 19): "the line of the Nth element under path
// P in file F", found by parsing the file again (JSON is YAML) with node ranges — only while a trace is
// active, never during a check. Each trace keeps the files it parsed, so a policy file with twenty bindings
// is parsed once per trace.
import path from 'node:path';
import { readConfined, repositoryRootOf } from '../core/config/read-file.ts';
import {
  parseYamlSource,
  parseYamlStream,
  type ConfigPath,
  type YamlSource,
} from '../core/config/yaml-source.ts';
import { activeTrace, type TraceSink } from '../core/trace.ts';

const parsedPerTrace = new WeakMap<TraceSink, Map<string, readonly YamlSource[] | undefined>>();

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
  const cache = sink ? (parsedPerTrace.get(sink) ?? new Map()) : undefined;
  if (sink && cache && !parsedPerTrace.has(sink)) parsedPerTrace.set(sink, cache);
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
