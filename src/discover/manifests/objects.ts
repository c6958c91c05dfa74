// Manifest files read for discovery: a file that is not YAML, or a document that is not a Kubernetes
// object, is a warning at its place and the rest is still read (discovery never stops the check).
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** A path as messages show it: relative to the working directory. */
export function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute) || absolute;
}

export function readManifestFile(absolute: string): ReadObjects {
  const file = displayPath(absolute);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { objects: [], warnings: [{ file, message: `cannot read the manifest (${code})` }] };
  }
  return readManifestText(text, file);
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
