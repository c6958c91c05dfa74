// Manifest files read for discovery: a file that is not YAML, or a document that is not a Kubernetes
// object, is a warning at its place and the rest is still read (discovery never stops the check).
import { displayPath, readConfined, refusalMessage } from '../../core/config/read-file.ts';
import { parseYamlStream } from '../../core/config/yaml-source.ts';
import { ConfigError } from '../../core/errors.ts';
import { flatten, type KubeObject } from '../../providers/kubernetes/manifests/load.ts';

export type { KubeObject } from '../../providers/kubernetes/manifests/load.ts';

/** Something discovery could not read or follow, at the place it was written. */
export interface DiscoveryWarning {
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface ReadObjects {
  readonly objects: KubeObject[];
  readonly warnings: DiscoveryWarning[];
}

export { displayPath } from '../../core/config/read-file.ts';

/** A manifest file inside the repository `root`; one it may not read is a warning, and discovery goes on. */
export function readManifestFile(absolute: string, root: string): ReadObjects {
  const file = displayPath(absolute);
  const read = readConfined(absolute, root);
  if (!('text' in read)) {
    const message =
      read.refused === 'unreadable'
        ? `cannot read the manifest (${read.code})`
        : `not read: ${refusalMessage(read, absolute)}`;
    return { objects: [], warnings: [{ file, message }] };
  }
  return readManifestText(read.text, file);
}

export function readManifestText(text: string, file: string): ReadObjects {
  const objects: KubeObject[] = [];
  const warnings: DiscoveryWarning[] = [];
  let documents;
  try {
    documents = parseYamlStream(text, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { objects, warnings: problemsAsWarnings(error, 'not read: ') };
  }
  for (const source of documents) {
    const value = source.takeValue();
    if (value === null || value === undefined) continue; // an empty document between `---`
    try {
      objects.push(...flatten(value, [], source, file));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      warnings.push(...problemsAsWarnings(error, 'skipped: '));
    }
  }
  return { objects, warnings };
}

export function problemsAsWarnings(error: ConfigError, prefix = ''): DiscoveryWarning[] {
  return error.problems.map((problem) => ({
    file: problem.where.file,
    line: problem.where.line,
    message: prefix + problem.message,
  }));
}
