// A patch read from its own file or from the kustomization's text, document by document: a warning about
// a patch then points into the patch file, or at the kustomization entry when the patch is written inline.
import path from 'node:path';
import { refusalMessage } from '../../../core/config/read-file.ts';
import { parseYamlStream, type ConfigPath, type YamlSource } from '../../../core/config/yaml-source.ts';
import { ConfigError } from '../../../core/errors.ts';
import { displayPath, problemsAsWarnings } from '../objects.ts';
import { isRecord, nonEmpty, type Json } from '../json.ts';
import type { Kustomization } from './kustomization.ts';
import type { BuildLog, Where } from './log.ts';

export interface PatchDocument {
  readonly value: unknown;
  readonly where: Where;
  /** Where a path inside this document was written (an operation of a JSON patch: [index]). */
  whereOf(at: ConfigPath): Where;
}

export interface Patch {
  readonly documents: PatchDocument[];
}

/** A patch's documents from a file (positions in it) or inline text (the kustomization entry's position). */
export function loadPatch(
  log: BuildLog,
  kustomization: Kustomization,
  where: Where,
  from: { path: string } | { text: string },
): Patch | undefined {
  const read = patchText(log, kustomization, where, from);
  if (!read) return undefined;
  const { text, file, inline } = read;
  let sources: YamlSource[];
  try {
    sources = parseYamlStream(text, file);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (inline) log.warn(where, 'patch not read: YAML syntax error in the inline patch');
    else log.add(problemsAsWarnings(error, 'patch not read: '));
    return undefined;
  }
  const documents: PatchDocument[] = [];
  for (const source of sources) {
    let value: unknown;
    try {
      value = source.takeValue();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const warnings = problemsAsWarnings(error, 'patch not read: ');
      log.add(inline ? warnings.map((warning) => ({ ...warning, ...where })) : warnings);
      return undefined;
    }
    if (value === null || value === undefined) continue;
    documents.push(
      inline
        ? { value, where, whereOf: () => where }
        : {
            value,
            where: { file, line: source.locate([]).line },
            whereOf: (at) => ({ file, line: source.locate(at).line }),
          },
    );
  }
  if (documents.length === 0) log.warn(where, 'the patch is empty');
  return { documents };
}

/** The patch's text and the file its positions are in; a patch file that cannot be read warns. */
function patchText(
  log: BuildLog,
  kustomization: Kustomization,
  where: Where,
  from: { path: string } | { text: string },
): { text: string; file: string; inline: boolean } | undefined {
  if (!('path' in from)) return { text: from.text, file: where.file, inline: true };
  const absolute = path.resolve(kustomization.dir, from.path);
  const read = log.read(absolute);
  if (!('text' in read)) {
    log.warn(
      where,
      read.refused !== 'unreadable'
        ? `patch not read: ${refusalMessage(read, absolute)}`
        : read.code === 'ENOENT'
          ? `patch ${from.path} does not exist (paths are relative to ${displayPath(kustomization.dir) || '.'})`
          : `cannot read the patch ${from.path} (${read.code})`,
    );
    return undefined;
  }
  return { text: read.text, file: displayPath(absolute), inline: false };
}

/** The patch of a `patches` or `patchesJson6902` entry, which gives exactly one of `path` and `patch`. */
export function loadEntryPatch(
  log: BuildLog,
  kustomization: Kustomization,
  field: string,
  entry: { value: Json; at: ConfigPath; where: Where },
): Patch | undefined {
  const { value, at, where } = entry;
  const text = nonEmpty(value['patch']);
  const file = nonEmpty(value['path']);
  if (!text === !file) {
    log.warn(where, `${field}: give one of path and patch${text ? ', not both' : ''}`);
    return undefined;
  }
  return loadPatch(
    log,
    kustomization,
    kustomization.at([...at, text ? 'patch' : 'path']),
    text ? { text } : { path: file as string },
  );
}

/** A patchesStrategicMerge entry that is the patch itself rather than a file name. */
export function isInlineObject(entry: string): boolean {
  if (!entry.includes(':')) return false;
  try {
    return parseYamlStream(entry, '').some((source) => isRecord(source.takeValue()));
  } catch {
    return false;
  }
}
